/**
 * The operations of the visibility property test as fast-check commands. Each runs the operation
 * through the real HTTP API as an admin and, when the product accepts it, applies it to the model.
 * `check` skips what is illegal in the model's state (editing frozen notes, indexes not there yet);
 * a 4xx from the product is a refusal the model tolerates (issue 14 allows refusing changes that
 * would leave a child less confidential), counted so a run that refuses everything shows up.
 */
import fc from 'fast-check';
import { MINIMAL_PDF, multipart } from '../../domain/meetings-fixtures.ts';
import { type ActionTarget, AddAction, AddUpdate, Reassign, SetActionConf } from './action-commands.ts';
import { at, type Cmd, type Real, text } from './base.ts';
import { CONFS, type Conf, type Model, type UpdateKind } from './model.ts';

export { type ActionTarget, AddAction, AddUpdate, Reassign, SetActionConf } from './action-commands.ts';
export type { Real } from './base.ts';

const exemptReason = (c: Conf) => (c === 'exempt' ? 'Paragraph 7 of Schedule 12A' : null);

export class AddItem implements Cmd {
  constructor(
    readonly conf: Conf,
    readonly kind: 'report' | 'questions' = 'report',
  ) {}
  check = (m: Readonly<Model>) => m.editable && m.items.length < 4;
  async run(m: Model, { w, s }: Real) {
    const marker = m.marker('item');
    const bodyMarker = m.marker('body');
    const res = await w.write('AddItem', {
      method: 'POST',
      url: `/api/v1/meetings/${s.meetingId}/agenda`,
      payload: {
        title: text(m, marker, 'Item'),
        kind: this.kind,
        bodyHtml: `<p>${text(m, bodyMarker, 'Body')}</p>`,
        confidentiality: this.conf,
        exemptReason: exemptReason(this.conf),
      },
    });
    if (res)
      m.items.push({
        id: (res.json() as { id: string }).id,
        marker,
        bodyMarker,
        conf: this.conf,
        kind: this.kind,
      });
  }
  toString = () => `AddItem(${this.conf}${this.kind === 'report' ? '' : `, ${this.kind}`})`;
}

/** The board lists exempt items by title, or stops (finding 11's rule follows the current setting). */
export class ListExemptTitles implements Cmd {
  constructor(readonly listed: boolean) {}
  check = (m: Readonly<Model>) => m.listExemptTitles !== this.listed;
  async run(m: Model, { w, s }: Real) {
    const url = `/api/v1/boards/${s.boardId}`;
    const res = await w.write('ListExemptTitles', {
      method: 'PATCH',
      url,
      headers: await w.ifMatch(url),
      payload: { listExemptTitles: this.listed },
    });
    if (res) m.listExemptTitles = this.listed;
  }
  toString = () => `ListExemptTitles(${this.listed})`;
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

/**
 * How a question is numbered: raised in the meeting (no number), pre-submitted taking the next
 * number, or pre-submitted with the number the secretariat gives (a number taken is a 409).
 */
export type Numbering = 'in_meeting' | 'next' | number;

export class AddQuestion implements Cmd {
  constructor(
    readonly item: number | null,
    readonly numbering: Numbering = 'in_meeting',
  ) {}
  check = (m: Readonly<Model>) =>
    m.editable && m.questions.length < 5 && (this.item === null || m.items.length > 0);
  async run(m: Model, { w, s }: Real) {
    const item = this.item === null ? null : at(this.item, m.items.length);
    const marker = m.marker('question');
    const source = this.numbering === 'in_meeting' ? 'in_meeting' : 'pre_submitted';
    const res = await w.write('AddQuestion', {
      method: 'POST',
      url: `/api/v1/meetings/${s.meetingId}/questions`,
      payload: {
        source,
        itemId: item === null ? null : m.items[item]!.id,
        text: text(m, marker, 'Question'),
        ...(typeof this.numbering === 'number' ? { number: this.numbering } : {}),
      },
    });
    if (!res) return;
    const number =
      this.numbering === 'in_meeting'
        ? null
        : this.numbering === 'next'
          ? m.nextQuestionNumber()
          : this.numbering;
    const served = (res.json() as { number: number | null }).number;
    if (served !== number)
      throw new Error(`question created with number ${served}, the model expected ${number}`);
    m.questions.push({ id: (res.json() as { id: string }).id, marker, item, source, number });
  }
  toString = () =>
    `AddQuestion(${this.item === null ? 'no item' : `item${this.item}`}${this.numbering === 'in_meeting' ? '' : `, ${this.numbering === 'next' ? 'numbered next' : `number ${this.numbering}`}`})`;
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

/** The secretariat renumbers a pre-submitted question (in-meeting ones are 400, a number taken 409). */
export class SetQuestionNumber implements Cmd {
  constructor(
    readonly question: number,
    readonly number: number,
  ) {}
  check = (m: Readonly<Model>) => m.editable && m.questions.length > 0;
  async run(m: Model, { w }: Real) {
    const q = m.questions[at(this.question, m.questions.length)]!;
    const url = `/api/v1/questions/${q.id}`;
    const res = await w.write('SetQuestionNumber', {
      method: 'PATCH',
      url,
      headers: await w.ifMatch(url),
      payload: { number: this.number },
    });
    if (res) q.number = this.number;
  }
  toString = () => `SetQuestionNumber(question${this.question}, ${this.number})`;
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
    // A correction that changes nothing the public notes print is refused (409); it stays open.
    if (!published && m.notes === 'correcting') return;
    if (!published) throw new Error(`notes approved but not published: ${w.trace.at(-1)}`);
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
  const kind = fc.constantFrom<UpdateKind>('update', 'update', 'proposal', 'close', 'close', 'reopen');
  const numbering = fc.oneof(
    fc.constant<Numbering>('in_meeting'),
    fc.constant<Numbering>('next'),
    fc.integer({ min: 1, max: 5 }),
  );
  return [
    fc.oneof(
      w(
        5,
        fc
          .tuple(conf, fc.constantFrom<'report' | 'questions'>('report', 'report', 'questions'))
          .map(([c, k]) => new AddItem(c, k)),
      ),
      w(
        1,
        fc.boolean().map((l) => new ListExemptTitles(l)),
      ),
      w(
        3,
        fc.tuple(idx, conf).map(([i, c]) => new SetItemConf(i, c)),
      ),
      w(
        4,
        fc.tuple(maybeIdx, numbering).map(([i, n]) => new AddQuestion(i, n)),
      ),
      w(
        3,
        fc.tuple(idx, maybeIdx).map(([q, i]) => new MoveQuestion(q, i)),
      ),
      w(
        1,
        fc.tuple(idx, fc.integer({ min: 1, max: 6 })).map(([q, n]) => new SetQuestionNumber(q, n)),
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
        6,
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
