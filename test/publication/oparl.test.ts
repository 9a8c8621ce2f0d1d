/**
 * The open data shaped after OParl 1.1: every object carries type, oparlId (OParl's id: its
 * absolute URL), web, created, modified and deleted, without changing a field consumers had; every
 * oparlId and web URL answers 200; lists gain pagination and links; System and Body are the entry.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildPublishedMeeting, ok, type PublishedMeeting } from './fixtures.ts';

const HOST = 'data.example.org';
const BASE = `http://${HOST}`;
const OPARL = 'https://schema.oparl.org/1.1/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Obj = Record<string, unknown> & {
  id: string;
  oparlId: string;
  type: string;
  web: string;
  created: string;
  modified: string;
  deleted: boolean;
};

describe('open data shaped after OParl', () => {
  let t: TestApp;
  let admin: TestUser;
  let fx: PublishedMeeting;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    fx = await buildPublishedMeeting(t, admin);
  }, 120_000);
  afterAll(() => t?.close());

  const get = (url: string) => t.request({ method: 'GET', url, headers: { host: HOST } });
  const json = async <T = Obj>(url: string) => ok<T>(await get(url));

  /** The envelope of every object; then every URL it names on this site answers 200. */
  const checked = new Set<string>();
  async function expectObject(o: Obj, type: string, apiPath: string, webPath: string) {
    expect(o.id).toMatch(UUID);
    expect(o.type).toBe(type);
    expect(o.oparlId).toBe(`${BASE}${apiPath}`);
    expect(o.web).toBe(`${BASE}${webPath}`);
    expect(Number.isNaN(Date.parse(o.created))).toBe(false);
    expect(Date.parse(o.modified)).toBeGreaterThanOrEqual(Date.parse(o.created));
    expect(o.deleted).toBe(false);
    for (const url of [o.oparlId, o.web]) {
      if (checked.has(url)) continue;
      checked.add(url);
      expect((await get(url.slice(BASE.length))).statusCode, url).toBe(200);
    }
  }

  it('System → Body → boards and meetings, the OParl entry point', async () => {
    const system = await json<Record<string, string>>('/public/v1/system');
    expect(system).toMatchObject({
      id: `${BASE}/public/v1/system`,
      type: `${OPARL}System`,
      oparlVersion: OPARL,
      body: `${BASE}/public/v1/bodies`,
      website: `${BASE}/`,
      web: `${BASE}/open-data`,
    });
    const bodies = await json<{ data: Record<string, unknown>[]; pagination: unknown; links: unknown }>(
      '/public/v1/bodies',
    );
    expect(bodies.pagination).toEqual({
      elementsPerPage: 1,
      currentPage: 1,
      totalElements: 1,
      totalPages: 1,
    });
    expect(bodies.links).toEqual({ first: `${BASE}/public/v1/bodies`, self: `${BASE}/public/v1/bodies` });
    const [body] = bodies.data;
    expect(body).toMatchObject({ type: `${OPARL}Body`, system: system.id, legislativeTerm: [] });
    expect(await json(String(body!.id).slice(BASE.length))).toEqual(body);
    expect((await get('/public/v1/bodies/another')).statusCode).toBe(404);
    for (const url of [body!.organization, body!.meeting, body!.web, system.web]) {
      expect((await get(String(url).slice(BASE.length))).statusCode, String(url)).toBe(200);
    }
  });

  it('boards are Organizations of the Body; lists keep items and gain pagination and links', async () => {
    const boards = await json<{ items: Obj[]; pagination: unknown; links: unknown }>('/public/v1/boards');
    expect(boards.links).toEqual({ first: `${BASE}/public/v1/boards`, self: `${BASE}/public/v1/boards` });
    const board = boards.items.find((b) => b.id === fx.boardId)!;
    await expectObject(
      board,
      `${OPARL}Organization`,
      `/public/v1/boards/${fx.boardId}`,
      `/boards/${fx.boardId}`,
    );
    expect(board).toMatchObject({
      url: `/public/v1/boards/${fx.boardId}`,
      shortName: board.code,
      body: `${BASE}/public/v1/bodies/opcc`,
      meeting: `${BASE}/public/v1/boards/${fx.boardId}/meetings`,
    });
    const past = await json<{ items: Obj[]; pagination: unknown; links: { self: string } }>(
      `/public/v1/boards/${fx.boardId}/meetings?when=past`,
    );
    expect(past.items.map((m) => m.id)).toContain(fx.meetingId);
    expect(past.pagination).toEqual({
      elementsPerPage: 100,
      currentPage: 1,
      totalElements: past.items.length,
      totalPages: 1,
    });
    expect(past.links.self).toBe(`${BASE}/public/v1/boards/${fx.boardId}/meetings?when=past&limit=100`);
    expect((await get(past.links.self.slice(BASE.length))).body).toBe(
      (await get(`/public/v1/boards/${fx.boardId}/meetings?when=past`)).body,
    );
  });

  it('a meeting is an OParl Meeting with its agenda items, papers as Files and the notes as resultsProtocol', async () => {
    const m = await json<
      Obj & {
        agenda: (Obj & { number: number; title: string; papers: (Obj & Record<string, unknown>)[] })[];
        agendaItem: unknown[];
        resultsProtocol: Record<string, unknown>;
        notes: { versions: { versionNo: number; pdfSha256: string; pdfSize: number }[] };
        actions: Obj[];
        decisions: Obj[];
      }
    >(`/public/v1/meetings/${fx.meetingId}`);
    await expectObject(
      m,
      `${OPARL}Meeting`,
      `/public/v1/meetings/${fx.meetingId}`,
      `/meetings/${fx.meetingId}`,
    );
    expect(m).toMatchObject({
      name: 'Accountability and Governance Board, Tuesday 24 March 2026',
      start: m.startsAt,
      end: null,
      cancelled: false,
      organization: [`${BASE}/public/v1/boards/${fx.boardId}`],
      // The fields consumers had are unchanged.
      url: `/public/v1/meetings/${fx.meetingId}`,
      htmlUrl: `/meetings/${fx.meetingId}`,
    });
    expect(m.agendaItem).toEqual(m.agenda);

    for (const item of m.agenda) {
      await expectObject(
        item,
        `${OPARL}AgendaItem`,
        `/public/v1/agenda-items/${item.id}`,
        `/meetings/${fx.meetingId}`,
      );
      expect(item).toMatchObject({
        meeting: m.oparlId,
        order: item.number,
        name: item.title,
        public: true,
        auxiliaryFile: item.papers,
      });
      expect(await json(`/public/v1/agenda-items/${item.id}`)).toEqual(item);
    }
    const paper = m.agenda.flatMap((i) => i.papers).find((p) => p.id === fx.publicPaperId)!;
    await expectObject(paper, `${OPARL}File`, `/public/v1/papers/${paper.id}`, `/meetings/${fx.meetingId}`);
    const paperBytes = await get(`/public/v1/papers/${paper.id}`);
    expect(paper).toMatchObject({
      name: paper.title,
      mimeType: 'application/pdf',
      size: paperBytes.rawPayload.length,
      sha256: createHash('sha256').update(paperBytes.rawPayload).digest('hex'),
      accessUrl: `${BASE}/public/v1/papers/${paper.id}`,
      downloadUrl: `${BASE}/public/v1/papers/${paper.id}`,
      fileName: expect.stringMatching(/\.pdf$/),
    });

    const latest = m.notes.versions.at(-1)!;
    const pdfPath = `/public/v1/meetings/${fx.meetingId}/notes/versions/${latest.versionNo}/pdf`;
    const pdf = await get(pdfPath);
    expect(pdf.statusCode).toBe(200);
    expect(m.resultsProtocol).toMatchObject({
      oparlId: `${BASE}${pdfPath}`,
      type: `${OPARL}File`,
      mimeType: 'application/pdf',
      size: pdf.rawPayload.length,
      sha256: createHash('sha256').update(pdf.rawPayload).digest('hex'),
      accessUrl: `${BASE}${pdfPath}`,
      downloadUrl: `${BASE}${pdfPath}`,
      web: `${BASE}/meetings/${fx.meetingId}/notes/versions/${latest.versionNo}`,
      fileName: expect.stringMatching(/\.pdf$/),
      deleted: false,
    });
    expect((await get(`/meetings/${fx.meetingId}/notes/versions/${latest.versionNo}`)).statusCode).toBe(200);
    // The meeting is modified no earlier than the notes were published.
    expect(Date.parse(m.modified)).toBeGreaterThanOrEqual(Date.parse(String(m.resultsProtocol.created)));

    const agenda = await json<{ items: unknown[] }>(`/public/v1/meetings/${fx.meetingId}/agenda`);
    expect(agenda.items).toEqual(m.agenda);
  });

  it('actions and decisions follow the conventions with types under this API’s namespace', async () => {
    const list = await json<{ items: Obj[]; links: { self: string } }>(
      `/public/v1/boards/${fx.boardId}/actions?status=all`,
    );
    expect(list.links.self).toBe(`${BASE}/public/v1/boards/${fx.boardId}/actions?status=all&limit=100`);
    const action = list.items.find((a) => a.id === fx.publicActionId)!;
    await expectObject(
      action,
      `${BASE}/public/v1/schema/Action`,
      `/public/v1/actions/${action.id}`,
      `/actions/${action.id}`,
    );
    const detail = await json<Obj & { updates: unknown[] }>(`/public/v1/actions/${action.id}`);
    expect({ ...detail, updates: undefined, latestUpdate: undefined }).toEqual({
      ...action,
      updates: undefined,
      latestUpdate: undefined,
    });

    const decisions = await json<{ items: Obj[] }>('/public/v1/decisions');
    const decision = decisions.items.find((d) => d.id === fx.publishedDecisionId)!;
    await expectObject(
      decision,
      `${BASE}/public/v1/schema/Decision`,
      `/public/v1/decisions/${decision.id}`,
      `/decisions/${decision.id}`,
    );
    const one = await json<Obj>(`/public/v1/decisions/${decision.id}`);
    expect({ created: one.created, modified: one.modified, type: one.type }).toEqual({
      created: decision.created,
      modified: decision.modified,
      type: decision.type,
    });

    for (const name of ['Action', 'Decision']) {
      const res = await get(`/public/v1/schema/${name}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
      type Properties = { properties: Record<string, { format?: string }> };
      const schema = res.json() as { $id: string; $ref: string; $defs: Record<string, Properties> };
      expect(schema.$id).toBe(`${BASE}/public/v1/schema/${name}`);
      const root = schema.$defs[schema.$ref.replace('#/$defs/', '')]!;
      expect(Object.keys(root.properties)).toEqual(
        expect.arrayContaining(['id', 'oparlId', 'type', 'web', 'created', 'modified', 'deleted']),
      );
      expect(root.properties.created!.format).toBe('date-time');
    }
    expect((await get('/public/v1/schema/Meeting')).statusCode).toBe(400);
  });

  it('hidden agenda items answer like unknown ones', async () => {
    const hidden = await get(`/public/v1/agenda-items/${fx.exemptItemId}`);
    const unknown = await get('/public/v1/agenda-items/00000000-0000-4000-8000-000000000000');
    expect(hidden.statusCode).toBe(404);
    const normalise = (body: string, id: string) =>
      body.replace(id, 'ID').replace(/"requestId":"[^"]+"/, '"requestId":""');
    expect(normalise(hidden.body, fx.exemptItemId)).toBe(
      normalise(unknown.body, '00000000-0000-4000-8000-000000000000'),
    );
  });

  it('OpenAPI documents the OParl fields', async () => {
    const doc = (await t.request({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    for (const path of ['/public/v1/system', '/public/v1/bodies', '/public/v1/agenda-items/{id}']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    for (const name of [
      'PublicMeeting',
      'PublicAgendaItem',
      'PublicAction',
      'PublicDecision',
      'PublicBoard',
    ]) {
      expect(Object.keys(doc.components.schemas[name]?.properties ?? {}), name).toEqual(
        expect.arrayContaining(['oparlId', 'type', 'web', 'created', 'modified', 'deleted']),
      );
    }
    expect(Object.keys(doc.components.schemas.PublicFile?.properties ?? {})).toEqual(
      expect.arrayContaining(['accessUrl', 'downloadUrl', 'mimeType', 'size', 'sha256', 'fileName']),
    );
  });
});
