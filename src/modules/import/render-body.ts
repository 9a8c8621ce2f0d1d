// Builds the item body from parsed nodes. Output uses only <p>, <ul>, <ol>, <li> and <strong>,
// every piece of text is escaped, and no source markup is ever copied through.

import { escapeHtml } from '../../rich-text/sanitize.ts';
import { fromRoman } from '../../text/roman-numerals.ts';
import type { BodyNode } from './discussion.ts';

interface ListEntry {
  text: string;
  subitems: BodyNode[];
}

type Group =
  | { kind: 'html'; html: string }
  | { kind: 'bullets'; entries: ListEntry[] }
  | { kind: 'numbered'; nodes: BodyNode[] }
  | { kind: 'roman'; nodes: BodyNode[] };

function startAttribute(first: number): string {
  return Number.isInteger(first) && first > 1 ? ` start="${first}"` : '';
}

function renderNumbered(nodes: readonly BodyNode[]): string {
  const start = startAttribute(Number(nodes[0]?.marker ?? 1));
  return `<ol${start}>${nodes.map((node) => `<li>${escapeHtml(node.text)}</li>`).join('')}</ol>`;
}

function renderGroup(group: Group): string {
  switch (group.kind) {
    case 'html':
      return group.html;
    case 'bullets':
      return `<ul>${group.entries
        .map((entry) => {
          const nested = entry.subitems.length > 0 ? renderNumbered(entry.subitems) : '';
          return `<li>${escapeHtml(entry.text)}${nested}</li>`;
        })
        .join('')}</ul>`;
    case 'numbered':
      return renderNumbered(group.nodes);
    case 'roman': {
      const start = startAttribute(fromRoman(group.nodes[0]?.marker ?? 'I'));
      return `<ol type="I"${start}>${group.nodes.map((node) => `<li>${escapeHtml(node.text)}</li>`).join('')}</ol>`;
    }
  }
}

export function renderBody(nodes: readonly BodyNode[]): string {
  const groups: Group[] = [];
  for (const node of nodes) {
    const last = groups.at(-1);
    switch (node.kind) {
      case 'bullet':
        if (last?.kind === 'bullets') last.entries.push({ text: node.text, subitems: [] });
        else groups.push({ kind: 'bullets', entries: [{ text: node.text, subitems: [] }] });
        break;
      case 'subitem':
        if (last?.kind === 'bullets') last.entries.at(-1)?.subitems.push(node);
        else if (last?.kind === 'numbered' && node.marker !== '1') last.nodes.push(node);
        else groups.push({ kind: 'numbered', nodes: [node] });
        break;
      case 'roman':
        // A fresh "I." starts a new list rather than continuing the numbering.
        if (last?.kind === 'roman' && node.marker !== 'I') last.nodes.push(node);
        else groups.push({ kind: 'roman', nodes: [node] });
        break;
      case 'action':
        groups.push({ kind: 'html', html: `<p><strong>ACTION:</strong> ${escapeHtml(node.text)}</p>` });
        break;
      case 'paragraph':
      case 'question':
        groups.push({ kind: 'html', html: `<p>${escapeHtml(node.text)}</p>` });
        break;
    }
  }
  return groups.map(renderGroup).join('');
}
