/** Why this file exists: the view model of the public search results, with matched words marked. */
import { MARK_END, MARK_START, type SearchHit } from '../../public/search.ts';
import { dateText } from './page-format.ts';

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  notes: 'Notes of a meeting',
  decision: 'Decision',
  'agenda-item': 'Agenda item',
  action: 'Action',
};

/** The snippet as runs of text, the matched words marked (the template escapes every run). */
export function snippetRuns(snippet: string): { text: string; mark: boolean }[] {
  const runs: { text: string; mark: boolean }[] = [];
  for (const [index, part] of snippet.split(MARK_START).entries()) {
    if (index === 0) {
      if (part) runs.push({ text: part, mark: false });
      continue;
    }
    const [marked = '', rest = ''] = part.split(MARK_END);
    if (marked) runs.push({ text: marked, mark: true });
    if (rest) runs.push({ text: rest, mark: false });
  }
  return runs;
}

export function searchResults(hits: SearchHit[]) {
  return hits.map((h) => ({
    title: h.title,
    href: h.url,
    kindLabel: KIND_LABELS[h.kind],
    dateText: dateText(h.date),
    snippet: snippetRuns(h.snippet),
  }));
}
