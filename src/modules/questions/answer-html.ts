import { bulletsToHtml, richTextToPlain, sanitizeRichText } from '../../rich-text/sanitize.ts';

export interface StoredAnswer {
  answer_html: string;
  answer_text: string;
}

/**
 * An answer arrives either as bullet points typed as plain lines (stored as an escaped <ul>) or as
 * rich HTML (sanitised). Either way the stored HTML is safe to print unescaped and `answer_text`
 * feeds full-text search.
 */
export function answerFromInput(input: {
  answerBullets?: string[];
  answerHtml?: string;
}): StoredAnswer | undefined {
  let html: string;
  if (input.answerBullets !== undefined) html = bulletsToHtml(input.answerBullets);
  else if (input.answerHtml !== undefined) html = sanitizeRichText(input.answerHtml);
  else return undefined;
  return { answer_html: html, answer_text: richTextToPlain(html) };
}

const SIMPLE_LIST = /^<ul>((?:<li>[^<]*<\/li>)*)<\/ul>$/;

/** The bullet points back, when the stored answer is a plain list (as bulletsToHtml writes it); else null. */
export function bulletsFromHtml(html: string): string[] | null {
  if (html === '') return [];
  const list = SIMPLE_LIST.exec(html);
  if (!list) return null;
  return [...list[1]!.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => decodeEntities(m[1]!));
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name: string) => {
    const map: Record<string, string> = {
      amp: '&',
      lt: '<',
      gt: '>',
      quot: '"',
      '#39': "'",
      '#x27': "'",
      nbsp: '\u00a0',
    };
    return map[name]!;
  });
}
