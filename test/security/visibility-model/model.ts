/**
 * The model of the visibility property test (issue 14): what exists on one fresh board, the
 * containers each object sits in, and from that alone who may see which marker. It knows nothing of
 * how the product stores or filters anything, so it is the rule, not a copy of the implementation.
 *
 * Effective confidentiality = the most confidential of an object and every container it sits in:
 * item → questions under it → actions on those questions or on the item → updates; papers sit under
 * their item, decisions under the item they are linked to. An action on a question sits under the
 * question's CURRENT item.
 */

export type Conf = 'public' | 'exempt' | 'opcc_only';
export const CONFS: Conf[] = ['public', 'exempt', 'opcc_only'];
const RANK: Record<Conf, number> = { public: 0, exempt: 1, opcc_only: 2 };
export const maxConf = (...cs: Conf[]): Conf => cs.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'public');

export type Audience =
  | 'admin'
  | 'secretariat'
  | 'otherSecretariat'
  | 'officerOwn'
  | 'officerOther'
  | 'member'
  | 'anonymous';
export const SIGNED_IN: Exclude<Audience, 'anonymous'>[] = [
  'admin',
  'secretariat',
  'otherSecretariat',
  'officerOwn',
  'officerOther',
  'member',
];
export const AUDIENCES: Audience[] = [...SIGNED_IN, 'anonymous'];
/** The organisation of each officer audience: WMP owns actions by default, the OPCC is the other one. */
export type Org = 'wmp' | 'opcc';
export const OFFICER_ORG: Partial<Record<Audience, Org>> = { officerOwn: 'wmp', officerOther: 'opcc' };

export type NotesState = 'draft' | 'published' | 'correcting';

export interface ItemM {
  id: string;
  marker: string;
  conf: Conf;
}
export interface QuestionM {
  id: string;
  marker: string;
  item: number | null;
}
export interface ActionM {
  id: string;
  marker: string;
  conf: Conf;
  /** Index into questions, or null. */
  question: number | null;
  /** Index into items (an action raised on an item directly), or null. */
  item: number | null;
  owner: Org;
}
export interface UpdateM {
  action: number;
  marker: string;
  /** Marked public by its author; proposals and reopen notes count as public (issue 14 finding 6 is tested elsewhere). */
  public: boolean;
  /** What the update is: an officer's update, a completion proposal, a reopen note. */
  kind: 'update' | 'proposal' | 'reopen';
}
export interface PaperM {
  id: string;
  marker: string;
  item: number;
  conf: Conf;
}
export interface DecisionM {
  id: string;
  marker: string;
  item: number | null;
  published: boolean;
}

/** One generated sequence's world, as the model sees it. */
export class Model {
  items: ItemM[] = [];
  questions: QuestionM[] = [];
  actions: ActionM[] = [];
  updates: UpdateM[] = [];
  papers: PaperM[] = [];
  decisions: DecisionM[] = [];
  agendaPublished = false;
  notes: NotesState = 'draft';
  everPublished = false;
  /** Markers the public could read in the latest published version when it was published. */
  snapshotPublic = new Set<string>();
  /** The commands run, for failure messages. */
  log: string[] = [];
  private counter = 0;

  constructor(readonly seq: number) {}

  /** A fresh unique marker, fixed width so that no marker is a prefix of another. */
  marker(kind: string): string {
    this.counter += 1;
    return `ZQ-${String(this.seq).padStart(4, '0')}-${kind}-${String(this.counter).padStart(2, '0')}`;
  }
  /** One word per sequence, in every text, so that a search finds this sequence's objects only. */
  get searchWord(): string {
    return `zqw${String(this.seq).padStart(4, '0')}`;
  }

  /** Items, questions and actions may change only while the notes are not frozen. */
  get editable(): boolean {
    return this.notes !== 'published';
  }

  itemConf(i: number | null): Conf {
    return i === null ? 'public' : this.items[i]!.conf;
  }
  questionConf(q: number): Conf {
    return this.itemConf(this.questions[q]!.item);
  }
  /** The item an action sits under now: its question's current item, else its own. */
  actionItem(a: ActionM): number | null {
    return a.question !== null ? this.questions[a.question]!.item : a.item;
  }
  actionConf(a: ActionM): Conf {
    return maxConf(a.conf, this.itemConf(this.actionItem(a)));
  }
  paperConf(p: PaperM): Conf {
    return maxConf(p.conf, this.itemConf(p.item));
  }

  /** Every marker with the rule that decides who may read it. */
  facts(): Fact[] {
    const out: Fact[] = [];
    const shown = this.agendaPublished || this.everPublished;
    for (const [index, it] of this.items.entries()) {
      // A published decision prints the title of the item it links (only a public item's; the item
      // cannot then be restricted).
      const named = this.decisions.some((d) => d.published && d.item === index);
      out.push({
        marker: it.marker,
        what: 'item title',
        conf: it.conf,
        publicWhen: shown || named,
        privateTo: null,
      });
    }
    for (const [i, q] of this.questions.entries())
      out.push({
        marker: q.marker,
        what: 'question',
        conf: this.questionConf(i),
        publicWhen: this.everPublished,
        privateTo: null,
      });
    for (const a of this.actions)
      out.push({
        marker: a.marker,
        what: 'action',
        conf: this.actionConf(a),
        publicWhen: this.everPublished,
        privateTo: null,
      });
    for (const u of this.updates) {
      const a = this.actions[u.action]!;
      out.push({
        marker: u.marker,
        what: `${u.kind}${u.public ? '' : ' (not public)'}`,
        conf: this.actionConf(a),
        publicWhen: this.everPublished && u.public,
        privateTo: u.public ? null : a.owner,
      });
    }
    for (const p of this.papers)
      out.push({
        marker: p.marker,
        what: 'paper',
        conf: this.paperConf(p),
        publicWhen: shown,
        privateTo: null,
      });
    for (const d of this.decisions)
      out.push({
        marker: d.marker,
        what: d.published ? 'decision' : 'draft decision',
        conf: this.itemConf(d.item),
        publicWhen: d.published,
        privateTo: null,
        draft: !d.published,
      });
    return out;
  }

  /** Called when a version of the notes is published: what the public may read in it. */
  takeSnapshot(): void {
    this.snapshotPublic = new Set(
      this.facts()
        .filter((f) => f.what !== 'draft decision' && mayRead('anonymous', { ...f, publicWhen: true }))
        .map((f) => f.marker),
    );
  }
}

export interface Fact {
  marker: string;
  what: string;
  conf: Conf;
  /** The anonymous public may read it once this holds (and it is effectively public). */
  publicWhen: boolean;
  /** Not public: only the owning organisation's officers (and the secretariat) may read it. */
  privateTo: Org | null;
  /** A draft decision: the board's secretariat's alone. */
  draft?: boolean;
}

/** The rule of issue 14, audience by audience. */
export function mayRead(audience: Audience, f: Fact): boolean {
  if (audience === 'admin' || audience === 'secretariat') return true;
  if (f.draft) return false;
  if (audience === 'officerOwn' || audience === 'officerOther') {
    if (f.conf === 'opcc_only') return false;
    return f.privateTo === null || f.privateTo === OFFICER_ORG[audience];
  }
  if (f.conf !== 'public' || f.privateTo !== null) return false;
  if (audience === 'anonymous') return f.publicWhen;
  return true; // members and other boards' secretariat: effectively public content
}

/** Which reference series an audience may see at all: R (exempt) and P (OPCC-only). */
export function maySeeSeries(audience: Audience, series: '' | 'R' | 'P'): boolean {
  if (series === '') return true;
  if (audience === 'admin' || audience === 'secretariat') return true;
  if (audience === 'officerOwn' || audience === 'officerOther') return series === 'R';
  return false;
}
