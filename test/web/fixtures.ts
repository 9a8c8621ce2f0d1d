/**
 * The people and places the web tests need, made through the API as any client would: an AGB-like
 * board with its standing items, OPCC and WMP, the reference meeting's directory, and one account
 * per role (two for the secretariat, who edit side by side).
 */
import type { AddressInfo } from 'node:net';
import {
  AGB_ATTENDANCE,
  createBoard,
  createOrganisation,
  createPerson,
} from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';

export interface WebWorld {
  t: TestApp;
  baseUrl: string;
  admin: TestUser;
  board: { id: string; code: string; name: string };
  opcc: { id: string };
  wmp: { id: string };
  people: Record<string, string>;
  clerk: TestUser;
  clerk2: TestUser;
  officer: TestUser;
  opccOfficer: TestUser;
  member: TestUser;
  close(): Promise<void>;
}

export async function webWorld(): Promise<WebWorld> {
  // Each browser session signs in through /login from 127.0.0.1: allow a test file's worth.
  const t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  const admin = await t.user({ roles: ['admin'] });
  const board = await createBoard(t, admin);
  const opcc = await createOrganisation(t, admin, 'Office of the Police and Crime Commissioner', 'OPCC');
  const wmp = await createOrganisation(t, admin, 'West Midlands Police', 'WMP');
  const people: Record<string, string> = {};
  for (const a of AGB_ATTENDANCE) {
    people[a.name] = (await createPerson(t, admin, a.name, a.role, a.org === 'OPCC' ? opcc.id : wmp.id)).id;
  }
  return {
    t,
    baseUrl: `http://127.0.0.1:${port}`,
    admin,
    board,
    opcc,
    wmp,
    people,
    clerk: await t.user({ roles: ['secretariat'], boards: [board.id] }),
    clerk2: await t.user({ roles: ['secretariat'], boards: [board.id] }),
    officer: await t.user({ roles: ['officer'], organisationId: wmp.id, personId: people['Scott Green']! }),
    opccOfficer: await t.user({ roles: ['officer'], organisationId: opcc.id }),
    member: await t.user({ roles: ['member'], personId: people['Wasim Ali']! }),
    close: () => t.close(),
  };
}
