/**
 * The operations of the visibility property test as fast-check commands. Each runs the operation
 * through the real HTTP API as an admin and, when the product accepts it, applies it to the model.
 * `check` skips what is illegal in the model's state (editing frozen notes, indexes not there yet);
 * a 4xx from the product is a refusal the model tolerates (issue 14 allows refusing changes that
 * would leave a child less confidential), counted so a run that refuses everything shows up.
 */
import fc from 'fast-check';
import { MINIMAL_PDF, multipart } from '../../domain/meetings-fixtures.ts';
import { CONFS, type Conf, type Model, maxConf } from './model.ts';
import type { Seq, VisibilityWorld } from './world.ts';

export interface Real {
  w: VisibilityWorld;
  s: Seq;
}
type Cmd = fc.AsyncCommand<Model, Real, false>;

/** Generated indexes are taken modulo what exists, so few generated commands are skipped. */
const at = (n: number, length: number) => n % length;

const text = (m: Model, marker: string, what: string) => `${what} ${marker} ${m.searchWord}`;
const exemptReason = (c: Conf) => (c === 'exempt' ? 'Paragraph 7 of Schedule 12A' : null);

export class AddItem implements Cmd {
  constructor(readonly conf: Conf) {}
  check = (m: Readonly<Model>) => m.editable && m.items.length < 4;
  async run(m: Model, { w, s }: Real) {
    const marker = m.marker('item');
    const res = await w.write('AddItem', {
      method: 'POST',
      url: `/api/v1/meetings/${s.meetingId}/agenda`,
      payload: {
        title: text(m, marker, 'Item'),
        kind: 'report',
        confidentiality: this.conf,
        exemptReason: exemptReason(this.conf),
      },
    });
    if (res) m.items.push({ id: (res.json() as { id: string }).id, marker, conf: this.conf });
  }
  toString = () => `AddItem(${this.conf})`;
}

export class SetItemConf implements Cmd {
  constructor(
    readonly item: number,
    readonly conf: Conf,
  ) {}
  check = (m: Readonly<Model>) => m.editable && m.items.length > 0;
  async run(m: Model, { w }: Real) {
    const it = m.items[at(this.item, m.items.length)]!;
    const url = `/api/v1/agenda-items/${it.id}`;
    const res = await w.write('SetItemConf', {
      method: 'PATCH',
      url,
      headers: await w.ifMatch(url),
      payload: { confidentiality: this.conf, exemptReason: exemptReason(this.conf) },
    });
    if (res) it.conf = this.conf;
  }
  toString = () => `SetItemConf(item${this.item}, ${this.conf})`;
}

export class AddQuestion implements Cmd {
  constructor(readonly item: number | null) {}
  check = (m: Readonly<Model>) =>
    m.editable && m.questions.length < 5 && (this.item === null || m.items.length > 0);
  async run(m: Model, { w, s }: Real) {
    const item = this.item === null ? null : at(this.item, m.items.length);
    const marker = m.marker('question');
    const res = await w.write('AddQuestion', {
      method: 'POST',
      url: `/api/v1/meetings/${s.meetingId}/questions`,
      payload: {
        source: 'in_meeting',
        itemId: item === null ? null : m.items[item]!.id,
        text: text(m, marker, 'Question'),
      },
    });
    if (res) m.questions.push({ id: (res.json() as { id: string }).id, marker, item });
  }
  toString = () => `AddQuestion(${this.item === null ? 'no item' : `item${this.item}`})`;
}

export class MoveQuestion implements Cmd {
  constructor(
    readonly question: number,
    readonly item: number | null,
  ) {}
  check = (m: Readonly<Model>) =>
    m.editable && m.questions.length > 0 && (this.item === null || m.items.length > 0);
  async run(m: Model, { w }: Real) {
    const q = m.questions[at(this.question, m.questions.length)]!;
    const item = this.item === null ? null : at(this.item, m.items.length);
    const url = `/api/v1/questions/${q.id}`;
    const res = await w.write('MoveQuestion', {
      method: 'PATCH',
      url,
      headers: await w.ifMatch(url),
      payload: { itemId: item === null ? null : m.items[item]!.id },
    });
    if (res) q.item = item;
  }
  toString = () =>
    `MoveQuestion(question${this.question}, ${this.item === null ? 'no item' : `item${this.item}`})`;
}

export type ActionTarget = { question: number } | { item: number } | null;

export class AddAction implements Cmd {
  constructor(
    readonly target: ActionTarget,
    readonly conf: Conf,
  ) {}
  check = (m: Readonly<Model>) =>
    m.editable &&
    m.actions.length < 5 &&
    (this.target === null || ('question' in this.target ? m.questions.length > 0 : m.items.length > 0));
  async run(m: Model, { w, s }: Real) {
    const marker = m.marker('action');
    const g = this.target;
    const t: ActionTarget =
      g === null
        ? null
        : 'question' in g
          ? { question: at(g.question, m.questions.length) }
          : { item: at(g.item, m.items.length) };
    const itemIndex = t === null ? null : 'question' in t ? m.questions[t.question]!.item : t.item;
    // At least as confidential as its item, as the product requires when an action is raised.
    const conf = maxConf(this.conf, m.itemConf(itemIndex));
    const res = await w.write('AddAction', {
      method: 'POST',
      url: `/api/v1/meetings/${s.meetingId}/actions`,
      payload: {
        text: text(m, marker, 'Action'),
        ownerOrganisationId: w.orgs.wmp,
        confidentiality: conf,
        ...(t === null
          ? {}
          : 'question' in t
            ? { questionId: m.questions[t.question]!.id }
            : { itemId: m.items[t.item]!.id }),
      },
    });
    if (res)
      m.actions.push({
        id: (res.json() as { id: string }).id,
        marker,
        conf,
        question: t && 'question' in t ? t.question : null,
        item: t && 'item' in t ? t.item : null,
        owner: 'wmp',
      });
  }
  toString = () =>
    `AddAction(${this.target === null ? 'nothing' : 'question' in this.target ? `question${this.target.question}` : `item${this.target.item}`}, ${this.conf})`;
}

export class SetActionConf implements Cmd {
  constructor(
    readonly action: number,
    readonly conf: Conf,
  ) {}
  check = (m: Readonly<Model>) => m.editable && m.actions.length > 0;
  async run(m: Model, { w }: Real) {
    const a = m.actions[at(this.action, m.actions.length)]!;
    const url = `/api/v1/actions/${a.id}`;
    const res = await w.write('SetActionConf', {
      method: 'PATCH',
      url,
      headers: await w.ifMatch(url),
      payload: { confidentiality: this.conf },
    });
    if (res) a.conf = this.conf;
  }
  toString = () => `SetActionConf(action${this.action}, ${this.conf})`;
}

export class Reassign implements Cmd {
  constructor(readonly action: number) {}
  check = (m: Readonly<Model>) => m.actions.length > 0;
  async run(m: Model, { w }: Real) {
    const a = m.actions[at(this.action, m.actions.length)]!;
    const to = a.owner === 'wmp' ? 'opcc' : 'wmp';
    const url = `/api/v1/actions/${a.id}`;
    const res = await w.write('Reassign', {
      method: 'PATCH',
      url,
      headers: await w.ifMatch(url),
      payload: { ownerOrganisationId: w.orgs[to] },
    });
    if (res) a.owner = to;
  }
  toString = () => `Reassign(action${this.action})`;
}

export class AddUpdate implements Cmd {
  constructor(
    readonly action: number,
    readonly kind: 'update' | 'proposal' | 'reopen',
    readonly isPublic: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.actions.length > 0 && m.updates.length < 6;
  async run(m: Model, { w }: Real) {
    const a = m.actions[at(this.action, m.actions.length)]!;
    const marker = m.marker(this.kind);
    const body = text(m, marker, 'Progress');
    const req =
      this.kind === 'update'
        ? { url: `/api/v1/actions/${a.id}/updates`, payload: { text: body, public: this.isPublic } }
        : this.kind === 'proposal'
          ? { url: `/api/v1/actions/${a.id}/propose-completion`, payload: { text: body } }
          : { url: `/api/v1/actions/${a.id}/reopen`, payload: { note: body } };
    const res = await w.write(`AddUpdate:${this.kind}`, { method: 'POST', ...req });
    if (res)
      m.updates.push({
        action: at(this.action, m.actions.length),
        marker,
        kind: this.kind,
        public: this.kind === 'update' ? this.isPublic : true,
      });
  }
  toString = () =>
    `AddUpdate(action${this.action}, ${this.kind}${this.kind === 'update' ? `, public=${this.isPublic}` : ''})`;
}

export class UploadPaper implements Cmd {
  constructor(
    readonly item: number,
    readonly conf: Conf,
  ) {}
  check = (m: Readonly<Model>) => m.editable && m.items.length > 0 && m.papers.length < 3;
  async run(m: Model, { w }: Real) {
    const item = at(this.item, m.items.length);
    const it = m.items[item]!;
    const marker = m.marker('paper');
    const form = multipart([
      { name: 'title', data: text(m, marker, 'Paper') },
      { name: 'confidentiality', data: this.conf },
      { name: 'file', filename: 'paper.pdf', contentType: 'application/pdf', data: MINIMAL_PDF },
    ]);
    const res = await w.write('UploadPaper', {
      method: 'POST',
      url: `/api/v1/agenda-items/${it.id}/papers`,
      payload: form.payload,
      headers: form.headers,
    });
    if (res) m.papers.push({ id: (res.json() as { id: string }).id, marker, item, conf: this.conf });
  }
  toString = () => `UploadPaper(item${this.item}, ${this.conf})`;
}

export class AddDecision implements Cmd {
  constructor(
    readonly item: number | null,
    readonly publish: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.decisions.length < 2 && (this.item === null || m.items.length > 0);
  async run(m: Model, { w, s }: Real) {
    const item = this.item === null ? null : at(this.item, m.items.length);
    const marker = m.marker('decision');
    const res = await w.write('AddDecision', {
      method: 'POST',
      url: '/api/v1/decisions',
      payload: {
        boardId: s.boardId,
        title: text(m, marker, 'Decision'),
        decisionDate: '2026-03-24',
        decisionMaker: 'Police and Crime Commissioner',
        summary: text(m, marker, 'Summary'),
        meetingId: s.meetingId,
        itemId: item === null ? null : m.items[item]!.id,
      },
    });
    if (!res) return;
    const d = { id: (res.json() as { id: string }).id, marker, item, published: false };
    m.decisions.push(d);
    if (
      this.publish &&
      (await w.write('PublishDecision', { method: 'POST', url: `/api/v1/decisions/${d.id}/publish` }))
    )
      d.published = true;
  }
  toString = () =>
    `AddDecision(${this.item === null ? 'no item' : `item${this.item}`}, publish=${this.publish})`;
}

export class PublishAgenda implements Cmd {
  check = (m: Readonly<Model>) => !m.agendaPublished;
  async run(m: Model, { w, s }: Real) {
    if (
      await w.write('PublishAgenda', {
        method: 'POST',
        url: `/api/v1/meetings/${s.meetingId}/agenda/publish`,
      })
    )
      m.agendaPublished = true;
  }
  toString = () => 'PublishAgenda';
}

/** Submit, approve at the later meeting and publish (a correction is published straight away). */
export class PublishNotes implements Cmd {
  check = (m: Readonly<Model>) => m.notes !== 'published';
  async run(m: Model, { w, s }: Real) {
    const base = `/api/v1/meetings/${s.meetingId}`;
    if (
      !m.agendaPublished &&
      (await w.write('PublishAgenda', { method: 'POST', url: `${base}/agenda/publish` }))
    )
      m.agendaPublished = true;
    if (m.notes === 'draft') {
      if (!(await w.write('SubmitNotes', { method: 'POST', url: `${base}/notes/submit` }))) return;
      const approved = await w.write('ApproveNotes', {
        method: 'POST',
        url: `${base}/notes/approve`,
        payload: { atMeetingId: s.laterId },
      });
      if (!approved) throw new Error('notes submitted but not approved');
    }
    const published = await w.write('PublishNotes', { method: 'POST', url: `${base}/notes/publish` });
    if (!published) throw new Error('notes approved but not published');
    m.notes = 'published';
    m.everPublished = true;
    m.takeSnapshot();
  }
  toString = () => 'PublishNotes';
}

export class OpenCorrection implements Cmd {
  check = (m: Readonly<Model>) => m.notes === 'published';
  async run(m: Model, { w, s }: Real) {
    const res = await w.write('OpenCorrection', {
      method: 'POST',
      url: `/api/v1/meetings/${s.meetingId}/notes/corrections`,
      payload: { reason: 'A classification was corrected' },
    });
    if (res) m.notes = 'correcting';
  }
  toString = () => 'OpenCorrection';
}

const conf = fc.constantFrom(...CONFS);
const idx = fc.nat({ max: 9 });
const maybeIdx = fc.option(idx, { nil: null, freq: 4 });

/** The commands, weighted: creating and reclassifying come often, publishing (a PDF print) seldom. */
export function commandArbitraries(): fc.Arbitrary<Cmd>[] {
  const w = (weight: number, arbitrary: fc.Arbitrary<Cmd>) => ({ weight, arbitrary });
  const target = fc.oneof(
    idx.map((q): ActionTarget => ({ question: q })),
    idx.map((i): ActionTarget => ({ item: i })),
    fc.constant<ActionTarget>(null),
  );
  const kind = fc.constantFrom<'update' | 'proposal' | 'reopen'>('update', 'update', 'proposal', 'reopen');
  return [
    fc.oneof(
      w(
        5,
        conf.map((c) => new AddItem(c)),
      ),
      w(
        3,
        fc.tuple(idx, conf).map(([i, c]) => new SetItemConf(i, c)),
      ),
      w(
        4,
        maybeIdx.map((i) => new AddQuestion(i)),
      ),
      w(
        3,
        fc.tuple(idx, maybeIdx).map(([q, i]) => new MoveQuestion(q, i)),
      ),
      w(
        5,
        fc.tuple(target, conf).map(([t, c]) => new AddAction(t, c)),
      ),
      w(
        2,
        fc.tuple(idx, conf).map(([a, c]) => new SetActionConf(a, c)),
      ),
      w(
        1,
        idx.map((a) => new Reassign(a)),
      ),
      w(
        2,
        fc.tuple(idx, kind, fc.boolean()).map(([a, k, p]) => new AddUpdate(a, k, p)),
      ),
      w(
        1,
        fc.tuple(idx, conf).map(([i, c]) => new UploadPaper(i, c)),
      ),
      w(
        1,
        fc.tuple(maybeIdx, fc.boolean()).map(([i, p]) => new AddDecision(i, p)),
      ),
      w(1, fc.constant(new PublishAgenda())),
      w(1, fc.constant(new PublishNotes())),
      w(1, fc.constant(new OpenCorrection())),
    ),
  ];
}
