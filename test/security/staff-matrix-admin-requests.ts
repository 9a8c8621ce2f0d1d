/**
 * The staff matrix's rows for the admin's user accounts and the shared directory (issue 15), kept
 * apart from staff-matrix-requests.ts so the rows of each set of screens stay readable. Each request
 * is built on fresh objects; a person of kind own/other is printed by (attended) a meeting of that
 * board, which is what decides whether the secretariat may change it (src/access/directory.ts).
 */
import { boards, none, per } from './matrix-requests.ts';
import type { ObjectKind, World } from './matrix-world.ts';

type Form = Record<string, string | string[]>;
const get = (url: string) => ({ method: 'GET' as const, url });
const post = (url: string, form: Form = {}) => ({ method: 'POST' as const, url, form });
const fresh = () => Math.random().toString(36).slice(2, 8);

async function organisation(w: World): Promise<string> {
  const n = fresh();
  const org = await w.db
    .insertInto('organisations')
    .values({ name: `Org ${n}`, short_name: `O${n}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return org.id;
}

/** A fresh person in the attendance of a meeting of the board of this kind. */
async function printedPerson(w: World, kind: ObjectKind): Promise<string> {
  const personId = await w.person();
  await w.db
    .insertInto('attendance')
    .values({
      meeting_id: await w.meeting(kind),
      person_id: personId,
      status: 'present',
      organisation: 'WMP',
    })
    .execute();
  return personId;
}

export const adminStaffRequests = {
  'GET /staff/users': per(none, async () => get('/staff/users')),
  'GET /staff/users/new': per(none, async () => get('/staff/users/new')),
  'POST /staff/users': per(none, async () =>
    post('/staff/users', {
      displayName: 'New Person',
      email: `new-${fresh()}@example.org`,
      roles: 'member',
      password: 'a-long-enough-password',
    }),
  ),
  'GET /staff/users/:id': per(none, async (w) => get(`/staff/users/${(await w.user(['member'])).id}`)),
  'POST /staff/users/:id': per(none, async (w) =>
    post(`/staff/users/${(await w.user(['member'])).id}`, { displayName: 'Renamed', roles: 'secretariat' }),
  ),
  'POST /staff/users/:id/active': per(none, async (w) =>
    post(`/staff/users/${(await w.user(['member'])).id}/active`, { active: 'no' }),
  ),
  'POST /staff/users/:id/password': per(none, async (w) =>
    post(`/staff/users/${(await w.user(['member'])).id}/password`, { password: 'another-long-password' }),
  ),
  'GET /staff/directory': per(none, async () => get('/staff/directory')),
  'POST /staff/people': per(none, async () => post('/staff/people', { name: `Person ${fresh()}` })),
  'POST /staff/organisations': per(none, async () => {
    const n = fresh();
    return post('/staff/organisations', { name: `Org ${n}`, shortName: `O${n}` });
  }),
  'GET /staff/people/:id': per(boards, async (w, k) => get(`/staff/people/${await printedPerson(w, k)}`)),
  'POST /staff/people/:id': per(boards, async (w, k) =>
    post(`/staff/people/${await printedPerson(w, k)}`, { name: 'Renamed Person', jobTitle: 'Inspector' }),
  ),
  'GET /staff/organisations/:id': per(none, async (w) =>
    get(`/staff/organisations/${await organisation(w)}`),
  ),
  'POST /staff/organisations/:id': per(none, async (w) => {
    const n = fresh();
    return post(`/staff/organisations/${await organisation(w)}`, {
      name: `Renamed ${n}`,
      shortName: `R${n}`,
    });
  }),
};
