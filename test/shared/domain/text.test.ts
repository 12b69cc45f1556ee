import { describe, expect, it } from 'vitest';
import { CardInput } from '../../../shared/domain/card';
import { toFieldErrors } from '../../../shared/domain/errors';
import { VoidCardInput } from '../../../shared/domain/lifecycle';
import { OrganisationInput } from '../../../shared/domain/organisation';
import { validCard } from '../../fixtures/cards';

function errorsOf(input: unknown): string[] {
  const result = CardInput.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error).map((e) => `${e.field}: ${e.message}`);
}

// SPEC §3: reasonText and note may hold line breaks (stored as LF); no other field may.
describe('line breaks in reasonText and note', () => {
  it.each([
    ['LF', 'Glömde kortet\nhemma', 'Glömde kortet\nhemma'],
    ['CRLF', 'rad 1\r\nrad 2\r\n\r\nrad 4', 'rad 1\nrad 2\n\nrad 4'],
    ['CR', 'rad 1\rrad 2', 'rad 1\nrad 2'],
    ['mixed, with breaks at the ends trimmed', '\r\n  a\r\rb\n\r\n', 'a\n\nb'],
  ])('keeps %s as LF', (_name, sent, stored) => {
    const parsed = CardInput.parse(validCard({ reasonCode: 'other', reasonText: sent, note: sent }));
    expect(parsed.reasonText).toBe(stored);
    expect(parsed.note).toBe(stored);
  });

  it('counts an LF as one character of the length limit, after CRLF became LF', () => {
    // 250 CRLF pairs are 500 characters once stored: exactly the limit.
    expect(errorsOf(validCard({ reasonText: 'a' + '\r\n'.repeat(249) + 'b' }))).toEqual([]);
    expect(errorsOf(validCard({ reasonText: 'a' + '\n'.repeat(499) + 'b' }))).toEqual([
      'reasonText: text.tooLong',
    ]);
  });

  it('still refuses every other control character there', () => {
    for (const bad of ['\u0000', '\t', '\u000B', '\u000C', '\u001F', '\u007F', '\u0085', '\u2028\uD800']) {
      expect(errorsOf(validCard({ note: `a\n${bad}b`, reasonText: `a${bad}` }))).toEqual([
        'reasonText: text.forbiddenCharacters',
        'note: text.forbiddenCharacters',
      ]);
    }
  });

  it('refuses a line break in every other text field, with a message that says so', () => {
    expect(
      errorsOf(
        validCard({
          holderName: 'Anna\nÅberg',
          organisationName: 'Region\r\nExempel',
          issuedBy: ['Kim\rSvensson'],
          violationJustification: 'Ingen annan\nlösning',
        }),
      ),
    ).toEqual([
      'organisationName: text.lineBreak',
      'holderName: text.lineBreak',
      'issuedBy.0: text.lineBreak',
      'violationJustification: text.lineBreak',
    ]);
    const voided = VoidCardInput.safeParse({ id: 'x', why: 'fel\nkort' });
    expect(voided.success ? [] : toFieldErrors(voided.error)).toMatchObject([
      { field: 'why', message: 'text.lineBreak' },
    ]);
    const organisation = OrganisationInput.safeParse({ hsaId: 'SE2321000016-A1B2', name: 'a\nb' });
    expect(organisation.success ? [] : toFieldErrors(organisation.error)).toMatchObject([
      { field: 'name', message: 'text.lineBreak' },
    ]);
    // A line break together with another control character is simply forbidden.
    expect(errorsOf(validCard({ holderName: 'Anna\n\u0007' }))).toEqual([
      'holderName: text.forbiddenCharacters',
    ]);
  });
});
