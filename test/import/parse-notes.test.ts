// Parses the real AGB notes of 24 March 2026 and pins down what the importer must extract.
import { readFileSync } from 'node:fs';
import sanitizeHtml from 'sanitize-html';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceNotesFile } from '../../src/demo/reference-notes.ts';
import {
  type ParsedItem,
  type ParsedNotes,
  parsedNotesSchema,
  parseNotes,
} from '../../src/modules/import/parse-notes.ts';
import { isParserHtml, uncoveredWords } from './output-coverage.ts';

const referencePath = referenceNotesFile;

let text: string;
let notes: ParsedNotes;

function item(number: number): ParsedItem {
  const found = notes.items.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`item ${number} missing`);
  return found;
}

const wasimAli = {
  asPrinted: 'Deputy Police and Crime Commissioner, Wasim Ali',
  role: 'Deputy Police and Crime Commissioner',
  name: 'Wasim Ali',
};
const richardNorth = {
  asPrinted: 'Temporary Assistant Chief Constable, Richard North',
  role: 'Temporary Assistant Chief Constable',
  name: 'Richard North',
};

beforeAll(() => {
  text = readFileSync(referencePath, 'utf8');
  notes = parseNotes(text);
});

describe('parseNotes on the AGB notes of 24 March 2026', () => {
  it('matches the published schema', () => {
    expect(parsedNotesSchema.safeParse(notes).success).toBe(true);
  });

  it('reads the header and the next meeting date', () => {
    expect(notes.boardName).toBe('Accountability and Governance Board');
    expect(notes.documentTitle).toBe('Notes of the Meeting');
    expect(notes.meetingDate).toBe('2026-03-24');
    expect(notes.meetingDateText).toBe('Tuesday 24 March 2026');
    expect(notes.summary).toBe('These minutes provide a summary of key points raised during this meeting.');
    expect(notes.nextMeetingDate).toBe('2026-04-28');
  });

  it('reads 12 present and 3 apologies, names exactly as spelled', () => {
    expect(notes.attendance.present).toHaveLength(12);
    expect(notes.attendance.apologies).toHaveLength(3);
    expect(notes.attendance.present.map((person) => person.name)).toEqual([
      'Wasim Ali',
      'Scott Green',
      'Simon Foster',
      'Peter Gillett',
      'Stephen Heeley',
      'Jonathan Jardine',
      'Jennifer Mattinson',
      'Richard North',
      "Mike O'Hara",
      'Andrew Parsons',
      'Natalie Querioz',
      'Matt Welsted',
    ]);
    expect(notes.attendance.present).toContainEqual({
      name: "Mike O'Hara",
      role: 'Assistant Chief Constable',
      organisation: 'WMP',
      line: 13,
    });
    expect(notes.attendance.present).toContainEqual({
      name: 'Richard North',
      role: 'Temporary Assistant Chief Constable',
      organisation: null,
      line: 13,
    });
    expect(
      notes.attendance.present.find((person) => person.name === 'Andrew Parsons')?.organisation,
    ).toBeNull();
    expect(
      notes.attendance.apologies.map((person) => [person.name, person.role, person.organisation]),
    ).toEqual([
      ['Alethea Fuller', 'Deputy Chief Executive', 'OPCC'],
      ['Jane Heppel', 'Chief Finance Officer', 'OPCC'],
      ['Ian Parnell', 'Assistant Chief Constable', 'WMP'],
    ]);
  });

  it('finds the 8 items in order, with titles, kinds and line ranges', () => {
    expect(
      notes.items.map((entry) => [entry.number, entry.title, entry.kind, entry.startLine, entry.endLine]),
    ).toEqual([
      [1, 'Attendees', 'attendance', 13, 13],
      [2, 'Notes of last meeting', 'previous_notes', 14, 14],
      [3, 'PCC Update', 'update', 15, 17],
      [4, 'Chief Constable Update', 'update', 18, 18],
      [5, 'Questions from AGB members', 'questions', 19, 43],
      [6, 'Domestic Abuse', 'report', 45, 240],
      [7, 'Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)', 'report', 241, 375],
      [8, 'CLOSE', 'close', 376, 376],
    ]);
  });

  it('reads presenters from a "Presented by:" line and from a title cell', () => {
    expect(item(6).presenters).toEqual([richardNorth]);
    expect(item(7).presenters).toEqual([richardNorth]);
    expect(item(3).presenters).toEqual([]);
  });

  it('splits run-together roman points: item 3 has I-V across a page break, item 4 has I-IV', () => {
    const romanItems = (html: string) => html.match(/<ol type="I">(.*?)<\/ol>/)?.[1]?.match(/<li>/g)?.length;
    expect(romanItems(item(3).bodyHtml)).toBe(5);
    expect(romanItems(item(4).bodyHtml)).toBe(4);
    expect(item(3).bodyHtml).toContain('<li>The PCC has reaffirmed his commitment');
    expect(item(3).bodyHtml).toContain(
      'at the earliest possible opportunity.</li><li>The PCC has reaffirmed',
    );
    expect(item(3).bodyHtml).toContain('<li>The OPCC are hosting a Victim Summit');
    expect(item(3).bodyHtml).not.toMatch(/\b(?:II|III|IV)\. /);
    expect(item(3).bodyHtml).toContain('over £5 million');
  });

  it('reads the 3 pre-submitted questions, all asked by the Deputy PCC', () => {
    const questions = item(5).questions;
    expect(questions).toHaveLength(3);
    expect(questions.map((question) => question.number)).toEqual([1, 2, 3]);
    for (const question of questions) {
      expect(question.preSubmitted).toBe(true);
      expect(question.askedBy).toEqual(wasimAli);
      expect(question.text).not.toContain('Asked by');
    }
    expect(questions[0]?.text).toBe(
      'What assessment has the Chief Constable made of the additional demand and costs to policing arising from the ban on "XL Bully" dogs in 2023?',
    );
    expect(questions[1]?.text).toContain('Villa Park and Molineux');
    expect(questions.map((question) => question.answerBullets.length)).toEqual([6, 8, 5]);
  });

  it('joins a bullet split over a page break (Question 1, kennelled dogs)', () => {
    const bullets = item(5).questions[0]?.answerBullets ?? [];
    expect(bullets[3]).toBe(
      'There are challenges in potential increases in costs, limited availability at peak times and delays in access. There are currently 115 kennelled dogs within WMP, 77 of which have been kennelled for up to 6 months and 15 have been kennelled for more than 12 months. This relates to delays in the court system, so WMP are working with CJS to reduce the delays and associated costs.',
    );
    expect(bullets[4]).toMatch(/^In response to XL Bullies/);
  });

  it('reads the in-meeting questions of items 6 and 7 with their answer bullets', () => {
    expect(item(6).questions).toHaveLength(30);
    expect(item(7).questions).toHaveLength(24);
    for (const question of [...item(6).questions, ...item(7).questions]) {
      expect(question.preSubmitted).toBe(false);
      expect(question.number).toBeNull();
      expect(question.askedBy).toBeNull();
    }
    const first = item(6).questions[0];
    expect(first?.line).toBe(53);
    expect(first?.answerBullets).toHaveLength(3);
    // The " 1. " sub-list is folded into the bullet it belongs to.
    expect(first?.answerBullets[2]).toMatch(
      /key exemptions: 1\. If the offence .* 3\. If 'exceptional circumstances' apply\.$/,
    );
    expect(item(6).bodyHtml).toContain(
      'key exemptions:<ol><li>If the offence is for DA and is likely to cause injury to a victim in a DA situation.</li>',
    );
    // A question answered only by an ACTION has no bullets.
    const noBullets = item(6).questions.find((question) =>
      question.text.startsWith('Looking at recent figures'),
    );
    expect(noBullets?.answerBullets).toEqual([]);
    // Bullets continue across a blank line within one answer.
    const training = item(6).questions.find((question) =>
      question.text.startsWith('Is more training required'),
    );
    expect(training?.answerBullets).toHaveLength(6);
  });

  it('reads questions and "•" bullets embedded in HTML, including one ending with "."', () => {
    const lastItem6 = item(6).questions.slice(-4);
    expect(lastItem6.map((question) => [question.line, question.answerBullets.length])).toEqual([
      [238, 3],
      [240, 4],
      [240, 1],
      [240, 2],
    ]);
    expect(lastItem6[2]?.text).toMatch(/^How are WMP supporting the implementation .* perpetrators\.$/);
    expect(notes.warnings).toEqual([
      { line: 240, message: expect.stringContaining('does not end with "?"') },
    ]);
    expect(item(7).questions[0]?.answerBullets).toHaveLength(3);
    expect(item(7).questions.at(-1)?.answerBullets).toHaveLength(7);
  });

  it('joins a page break that continues with an uppercase word after an unfinished sentence', () => {
    const question = item(7).questions.find((candidate) =>
      candidate.text.startsWith('How will systems be amended'),
    );
    expect(question?.answerBullets).toHaveLength(6);
    expect(question?.answerBullets[4]).toContain(
      'This is embedded into the CONNECT record and is received by PPU',
    );
  });

  it('reads the 4 ACTIONs, all owned by WMP', () => {
    const actions = notes.items.flatMap((entry) => entry.actions);
    expect(actions).toHaveLength(4);
    expect(actions.map((action) => action.line)).toEqual([169, 208, 292, 331]);
    expect(actions.every((action) => action.ownerOrganisation === 'WMP')).toBe(true);
    expect(actions[0]?.text).toBe(
      "WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
    );
    expect(item(6).bodyHtml).toContain('<p><strong>ACTION:</strong> WMP to provide OPCC with specific data');
  });

  it('places every line: nothing is unplaced and every word sequence appears in the output', () => {
    expect(notes.unplaced).toEqual([]);
    expect(uncoveredWords(text, notes)).toEqual([]);
  });

  it('builds only simple, escaped HTML and never copies source markup', () => {
    for (const entry of notes.items) {
      expect(isParserHtml(entry.bodyHtml)).toBe(true);
      expect(entry.bodyHtml).not.toMatch(/style=|<u>|•/);
    }
    expect(item(1).bodyHtml).toContain('<li>Mike O&#39;Hara (Assistant Chief Constable, WMP)</li>');
  });

  it('builds HTML that sanitize-html leaves unchanged (apart from how it escapes quotes)', () => {
    const quotes = (html: string) => html.replace(/&#39;/g, "'").replace(/&quot;/g, '"');
    for (const entry of notes.items) {
      const sanitized = sanitizeHtml(entry.bodyHtml, {
        allowedTags: ['p', 'ul', 'ol', 'li', 'strong'],
        allowedAttributes: { ol: ['type', 'start'] },
      });
      expect(quotes(sanitized)).toBe(quotes(entry.bodyHtml));
    }
  });

  it.each([
    ['TABs after item numbers turned into spaces', (source: string) => source.replace(/^(\d)\t/gm, '$1    ')],
    ['extra blank lines', (source: string) => source.replace(/\n\n/g, '\n\n\n\n')],
    ['no-break spaces everywhere', (source: string) => source.replace(/ /g, '\u00a0')],
    [
      'a BOM, zero-width spaces and trailing spaces',
      (source: string) => `\uFEFF${source.replace(/a/g, 'a\u200b').replace(/\n/g, '  \n')}`,
    ],
  ])('keeps the same structure with %s', (_variant, transform) => {
    const variant = parseNotes(transform(text));
    const shape = (parsed: ParsedNotes) => ({
      items: parsed.items.map((entry) => [entry.number, entry.title, entry.kind, entry.questions.length]),
      present: parsed.attendance.present.map((person) => person.name),
      apologies: parsed.attendance.apologies.length,
      actions: parsed.items.flatMap((entry) => entry.actions.map((action) => action.text)),
      dates: [parsed.meetingDate, parsed.nextMeetingDate],
      unplaced: parsed.unplaced.length,
    });
    expect(shape(variant)).toEqual(shape(notes));
  });

  it('gives the same result for CRLF line endings and no-break spaces', () => {
    const crlf = parseNotes(text.replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(notes);
    const nbsp = parseNotes(text.replace(/Mike O'Hara/, 'Mike\u00a0O\u2019Hara').replace(/ {2}/g, ' \u00a0'));
    expect(nbsp.attendance.present.map((person) => person.name)).toContain('Mike O’Hara');
    expect(nbsp.items).toHaveLength(8);
  });
});
