import { describe, expect, it } from 'vitest';
import { documentFilename } from '../../src/documents/render/document-filename.ts';
import {
  formatLongDate,
  formatShortDate,
  formatTime,
  londonCalendarDate,
} from '../../src/text/date-format.ts';
import { formatFileSize, formatPerson, pluralise } from '../../src/text/text-format.ts';

describe('dates as the board prints them', () => {
  it('prints calendar dates without a comma after the weekday', () => {
    expect(formatLongDate('2026-03-24')).toBe('Tuesday 24 March 2026');
    expect(formatLongDate('2026-04-28')).toBe('Tuesday 28 April 2026');
    expect(formatShortDate('2026-03-24')).toBe('24 Mar 2026');
  });

  it('reads instants in Europe/London, across the clock change', () => {
    // 23:30 UTC on 28 April is 00:30 on 29 April in London (BST).
    expect(formatLongDate('2026-04-28T23:30:00Z')).toBe('Wednesday 29 April 2026');
    expect(formatTime('2026-04-28T09:00:00Z')).toBe('10:00');
    expect(formatTime('2026-01-15T09:00:00Z')).toBe('09:00');
    expect(formatTime('14:30')).toBe('14:30');
    expect(londonCalendarDate('2026-04-28T23:30:00Z')).toBe('2026-04-29');
  });

  it('refuses dates that do not exist rather than rolling them over', () => {
    expect(() => formatLongDate('2026-02-31')).toThrow(RangeError);
    expect(() => formatLongDate('24/03/2026')).toThrow(RangeError);
    expect(() => formatTime('25:00')).toThrow(RangeError);
  });
});

describe('text', () => {
  it('prints people as "Name (Role, Organisation)", leaving out what is unknown', () => {
    expect(formatPerson({ name: 'Scott Green', role: 'Chief Constable', organisation: 'WMP' })).toBe(
      'Scott Green (Chief Constable, WMP)',
    );
    expect(
      formatPerson({
        name: 'Richard North',
        role: 'Temporary Assistant Chief Constable',
        organisation: null,
      }),
    ).toBe('Richard North (Temporary Assistant Chief Constable)');
    expect(formatPerson({ name: 'A Member', role: null, organisation: null })).toBe('A Member');
  });

  it('pluralises and sizes files', () => {
    expect(pluralise(1, 'action', 'actions')).toBe('1 action');
    expect(pluralise(0, 'action', 'actions')).toBe('0 actions');
    expect(formatFileSize(412_000)).toBe('412 KB');
    expect(formatFileSize(1_250_000)).toBe('1.3 MB');
    expect(formatFileSize(999)).toBe('999 bytes');
  });

  it('names files after the board code, the document and the date', () => {
    expect(documentFilename('AGB', 'notes', '2026-03-24')).toBe('AGB-notes-2026-03-24.pdf');
    expect(documentFilename('../A G B', 'agenda', '2026-04-28')).toBe('A-G-B-agenda-2026-04-28.pdf');
  });
});
