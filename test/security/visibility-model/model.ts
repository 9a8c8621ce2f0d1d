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
  /** In the title. */
  marker: string;
  /** In the body (which, unlike the title, is never listed by title). */
  bodyMarker: string;
  conf: Conf;
  /** A 'questions' item is where the notes place pre-submitted questions filed under no item. */
  kind: 'report' | 'questions';
}
export interface QuestionM {
  id: string;
  marker: string;
  item: number | null;
  source: 'in_meeting' | 'pre_submitted';
  /** The number the secretariat set (pre-submitted questions only); the audience may see another. */
  number: number | null;
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
  /** Where its workflow stands ('proposed': completion proposed), for which steps are accepted. */
  status: ActionStatus;
}
export type ActionStatus = 'open' | 'proposed' | 'closed';
export interface UpdateM {
  action: number;
  marker: string;
  /** Published on the public website by its author's choice (off by default for every kind). */
  public: boolean;
  /** What the update is: an officer's update, a completion proposal, a closing note, a reopen note. */
  kind: UpdateKind;
}
export type UpdateKind = 'update' | 'proposal' | 'close' | 'reopen';
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
  /** Whether the board lists exempt items by title (the rule of finding 11). */
  listExemptTitles: boolean;
  notes: NotesState = 'draft';
  everPublished = false;
  /** Markers the public could read in the latest published version when it was published. */
  snapshotPublic = new Set<string>();
  /** "Question N" of each question in the latest published version, by marker. */
  snapshotNumbers = new Map<string, number>();
  /** The commands run, for failure messages. */
  log: string[] = [];
  private counter = 0;

  constructor(
    readonly seq: number,
    listExemptTitles = false,
  ) {
    this.listExemptTitles = listExemptTitles;
  }

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
      // Where the board lists exempt items by title, an exempt item's title (never its body) is as
      // public as a public item's: members, other boards, and the public once the agenda is out.
      const listed = it.conf === 'exempt' && this.listExemptTitles;
      out.push({
        marker: it.marker,
        what: listed ? 'exempt item title (listed)' : 'item title',
        conf: listed ? 'public' : it.conf,
        publicWhen: shown || named,
        privateTo: null,
      });
      out.push({
        marker: it.bodyMarker,
        what: 'item body',
        conf: it.conf,
        publicWhen: shown,
        privateTo: null,
      });
    }
    for (const [i, q] of this.questions.entries())
      out.push({
        marker: q.marker,
        what: q.number === null ? 'question' : `question numbered ${q.number}`,
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

  /**
   * The question numbers an audience should be served, by question id: the secretariat and admins
   * see the numbers as set; anyone else the rank of each numbered question among those they may read.
   */
  questionNumbers(audience: Audience): Map<string, number> {
    const all = this.questions.filter((q) => q.number !== null).sort((a, b) => a.number! - b.number!);
    if (audience === 'admin' || audience === 'secretariat') return new Map(all.map((q) => [q.id, q.number!]));
    const fact = (q: QuestionM): Fact => ({
      marker: q.marker,
      what: 'question',
      conf: this.questionConf(this.questions.indexOf(q)),
      publicWhen: this.everPublished,
      privateTo: null,
    });
    return new Map(all.filter((q) => mayRead(audience, fact(q))).map((q, i) => [q.id, i + 1]));
  }
  /**
   * "Question N" as the notes print it (the public version, whoever reads it), by question marker:
   * the questions the notes place (under a public item; filed under none, pre-submitted, when a
   * public 'questions' item takes them) numbered 1..n in the order of the numbers set.
   */
  notesNumbers(): Map<string, number> {
    const questionsItem = this.items.some((it) => it.kind === 'questions' && it.conf === 'public');
    const placed = (q: QuestionM) =>
      q.item !== null ? this.items[q.item]!.conf === 'public' : q.source === 'pre_submitted' && questionsItem;
    return new Map(
      this.questions
        .filter((q) => q.number !== null && placed(q))
        .sort((a, b) => a.number! - b.number!)
        .map((q, i) => [q.marker, i + 1]),
    );
  }
  /** The number the next pre-submitted question takes when none is given (the product: max + 1). */
  nextQuestionNumber(): number {
    return Math.max(0, ...this.questions.map((q) => q.number ?? 0)) + 1;
  }

  /** Called when a version of the notes is published: what the public may read in it. */
  takeSnapshot(): void {
    this.snapshotNumbers = this.notesNumbers();
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
