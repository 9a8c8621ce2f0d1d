/**
 * Who else has a meeting's drafting screen open, so two people do not type over each other unawares.
 * Kept in this process's memory (one API process; behind several, each knows only its own visitors):
 * every open page is a "tab" that says it is still there (a page view, then the script's heartbeat)
 * and is forgotten when it says goodbye or stops saying anything.
 */

/** How long a tab counts as open after its script last said so (it says so every 15 s). */
export const HEARTBEAT_TTL_MS = 45_000;
/** After a page view alone: a screen without JavaScript shows nothing more until the next page. */
export const PAGE_VIEW_TTL_MS = 2 * 60_000;
/** Tabs kept per meeting at most, so no one can fill memory with made-up tab ids. */
const MAX_TABS = 200;

export interface PresenceVisitor {
  userId: string;
  name: string;
  itemTitle: string;
}

interface Tab extends PresenceVisitor {
  expiresAt: number;
}

export class Presence {
  private readonly meetings = new Map<string, Map<string, Tab>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The tab is open on this meeting (for `ttlMs` more). */
  seen(meetingId: string, tab: string, visitor: PresenceVisitor, ttlMs: number): void {
    const tabs = this.tabsOf(meetingId);
    const known = tabs.get(tab);
    // A tab id is its first user's: another user cannot take it over (or end it).
    if (known && known.userId !== visitor.userId) return;
    if (!known && tabs.size >= MAX_TABS) return;
    tabs.set(tab, { ...visitor, expiresAt: this.now() + ttlMs });
    this.meetings.set(meetingId, tabs);
  }

  left(meetingId: string, tab: string, userId: string): void {
    const tabs = this.meetings.get(meetingId);
    if (tabs?.get(tab)?.userId === userId) tabs.delete(tab);
    if (tabs?.size === 0) this.meetings.delete(meetingId);
  }

  /** The other people with the meeting open (one entry a person, their latest tab), by name. */
  others(meetingId: string, userId: string): PresenceVisitor[] {
    const byUser = new Map<string, Tab>();
    for (const tab of this.tabsOf(meetingId).values()) {
      if (tab.userId === userId) continue;
      const seen = byUser.get(tab.userId);
      if (!seen || seen.expiresAt < tab.expiresAt) byUser.set(tab.userId, tab);
    }
    return [...byUser.values()]
      .map(({ userId: id, name, itemTitle }) => ({ userId: id, name, itemTitle }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The meeting's tabs still open, forgetting the rest (and the meeting when none is left). */
  private tabsOf(meetingId: string): Map<string, Tab> {
    const tabs = this.meetings.get(meetingId) ?? new Map<string, Tab>();
    const now = this.now();
    for (const [id, tab] of tabs) if (tab.expiresAt <= now) tabs.delete(id);
    if (tabs.size) this.meetings.set(meetingId, tabs);
    else this.meetings.delete(meetingId);
    return tabs;
  }
}

/** "Also editing: Ann Smith (PCC Update), Bob Jones (Questions from AGB members)", or '' when alone. */
export function presenceText(others: PresenceVisitor[]): string {
  if (!others.length) return '';
  return `Also editing: ${others.map((o) => `${o.name} (${o.itemTitle})`).join(', ')}`;
}
