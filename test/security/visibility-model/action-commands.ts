/**
 * The action commands of the visibility property test: raise, reclassify, reassign, and the work
 * on an action (an officer's update, a completion proposal, the secretariat closing it with a
 * closing note and reopening it), each text published on the website only when chosen.
 */
import { at, type Cmd, type Real, text } from './base.ts';
import { type ActionStatus, type Conf, type Model, maxConf, type UpdateKind } from './model.ts';

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
        status: 'open',
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

/** The statuses from which each kind of update is accepted (the product answers 409 otherwise). */
const FROM: Record<UpdateKind, ActionStatus[]> = {
  update: ['open', 'proposed'],
  proposal: ['open'],
  close: ['open', 'proposed'],
  reopen: ['proposed', 'closed'],
};
const TO: Record<UpdateKind, ActionStatus | null> = {
  update: null,
  proposal: 'proposed',
  close: 'closed',
  reopen: 'open',
};

/**
 * An officer's update, a completion proposal, the secretariat closing the action (its closing note)
 * or reopening it: each text public only when chosen. The action is taken among those whose status
 * allows the step, so that closing and reopening are reached in short sequences.
 */
export class AddUpdate implements Cmd {
  constructor(
    readonly action: number,
    readonly kind: UpdateKind,
    readonly isPublic: boolean,
  ) {}
  private candidates = (m: Readonly<Model>) =>
    m.actions.map((a, i) => ({ a, i })).filter(({ a }) => FROM[this.kind].includes(a.status));
  check = (m: Readonly<Model>) => this.candidates(m).length > 0 && m.updates.length < 7;
  async run(m: Model, { w }: Real) {
    const options = this.candidates(m);
    const { a, i } = options[at(this.action, options.length)]!;
    const marker = m.marker(this.kind);
    const body = text(m, marker, 'Progress');
    const base = `/api/v1/actions/${a.id}`;
    const req = {
      update: { url: `${base}/updates`, payload: { text: body, public: this.isPublic } },
      proposal: { url: `${base}/propose-completion`, payload: { text: body, public: this.isPublic } },
      close: { url: `${base}/close`, payload: { note: body, public: this.isPublic } },
      reopen: { url: `${base}/reopen`, payload: { note: body, public: this.isPublic } },
    }[this.kind];
    const res = await w.write(`AddUpdate:${this.kind}`, { method: 'POST', ...req });
    if (!res) return;
    m.updates.push({ action: i, marker, kind: this.kind, public: this.isPublic });
    a.status = TO[this.kind] ?? a.status;
  }
  toString = () => `AddUpdate(${this.kind}, action${this.action} of those it fits, public=${this.isPublic})`;
}
