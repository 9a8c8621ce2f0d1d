/** The audit screen's words: what an entry did, and its before and after as rows of changed fields. */
import { describe, expect, it } from 'vitest';
import { actionLabel, diffRows, entityHref } from '../../src/web/staff/audit-view.ts';

describe('audit entries in words', () => {
  it('names what was done', () => {
    expect(actionLabel('meeting.update')).toBe('Meeting changed');
    expect(actionLabel('agenda_item.create')).toBe('Agenda item created');
    expect(actionLabel('auth.login')).toBe('Account signed in');
    expect(actionLabel('meeting.notes_submit')).toBe('Meeting notes submit');
    expect(entityHref('action', 'a1')).toBe('/staff/actions/a1');
    expect(entityHref('paper', 'p1')).toBeNull();
  });

  it('shows only the fields that changed, every field of a creation, and plain values', () => {
    expect(
      diffRows(
        { location: 'Lloyd House', dueDate: '2026-04-01', version: 1 },
        { location: 'Tally Ho', dueDate: '2026-04-01', version: 2 },
      ),
    ).toEqual([
      { field: 'Location', before: 'Lloyd House', after: 'Tally Ho' },
      { field: 'Version', before: '1', after: '2' },
    ]);
    expect(diffRows(null, { owner_organisation_id: 'x', tags: ['a'] })).toEqual([
      { field: 'Owner organisation id', before: '', after: 'x' },
      { field: 'Tags', before: '', after: '["a"]' },
    ]);
    expect(diffRows(null, null)).toEqual([]);
    expect(diffRows('open', 'closed')).toEqual([{ field: 'Value', before: 'open', after: 'closed' }]);
    expect(diffRows({ text: 'x'.repeat(700) }, {})[0]?.before).toHaveLength(601);
  });
});
