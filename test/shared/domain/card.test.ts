import { describe, expect, it } from 'vitest';
import { CardInput, HsaId } from '../../../shared/domain/card';
import { FindingsDraft } from '../../../shared/domain/draft';
import { OrganisationInput } from '../../../shared/domain/organisation';
import { toFieldErrors } from '../../../shared/domain/errors';
import { checkHsaId } from '../../../shared/domain/hsa-id';
import { validCard } from '../../fixtures/cards';

function errorsOf(input: unknown): string[] {
  const result = CardInput.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error).map((e) => `${e.field}: ${e.message}`);
}

describe('HSA-id', () => {
  it.each([
    ['SE2321000016-A1B2', null],
    ['SE232100001616-A1B2', 'format'], // 12 digits: not SE + optional 16 + 10
    ['SE162321000016-A1B2', null],
    ['SE2321000017-A1B2', 'checksum'],
    ['SE2321000016-', 'format'],
    // Any case (SPEC §3): the same id as SE2321000016-A1B2.
    ['se2321000016-a1b2', null],
    ['SE2321000016-\u0131', 'format'], // dotless ı upper-cases to I: still not an HSA-id
    ['SE2321000016-A1_B2', 'format'],
    ['SE2321000016 A1B2', 'format'],
    ['SE2321000016-' + 'A'.repeat(18), null], // exactly 31 characters
    ['SE2321000016-' + 'A'.repeat(19), 'length'],
  ])('%s → %s', (id, problem) => {
    expect(checkHsaId(id)).toBe(problem);
  });
});

describe('HsaId', () => {
  it('reads any case and gives the upper-case form that is stored, compared and shown', () => {
    expect(HsaId.parse('se2321000016-a1b2')).toBe('SE2321000016-A1B2');
    expect(HsaId.parse('SE2321000016-A1b2')).toBe('SE2321000016-A1B2');
    const card = CardInput.parse(
      validCard({ organisationHsaId: 'se2321000016-a1b2', holderHsaId: 'SE2321000016-ab12' }),
    );
    expect(card).toMatchObject({ organisationHsaId: 'SE2321000016-A1B2', holderHsaId: 'SE2321000016-AB12' });
    expect(OrganisationInput.parse({ hsaId: 'se2321000016-a1b2', name: 'R' }).hsaId).toBe(
      'SE2321000016-A1B2',
    );
    expect(
      FindingsDraft.parse({
        assuranceLevel: 2,
        holderHsaId: 'se2321000016-ab12',
        issuedAt: '2026-02-11T19:40:00+01:00',
        expiresAt: '2026-02-12T19:40:00+01:00',
      }).holderHsaId,
    ).toBe('SE2321000016-AB12');
  });
});

describe('CardInput', () => {
  it('normalises a valid card: card number, trimmed NFC text, instants', () => {
    const parsed = CardInput.parse(
      validCard({
        holderName: '  Ma\u0301rta  ',
        cardNumber: '9752-2100 0000-0000 001',
        issuedBy: [' Kim '],
      }),
    );
    expect(parsed.cardNumber).toBe('9752210000000000001');
    expect(parsed.holderName).toBe('Márta');
    expect(parsed.holderName).toHaveLength(5);
    expect(parsed.issuedBy).toEqual(['Kim']);
    expect(parsed.issuedAt).toBe(Date.UTC(2026, 1, 11, 18, 40));
    expect(parsed.unplannedPersonnel).toBe(true);
    expect(parsed.reasonText).toBe('');
  });

  it.each([
    ['organisationHsaId', { organisationHsaId: 'SE2321000017-A1B2' }, 'organisationHsaId: hsaId.checksum'],
    ['assuranceLevel as a string', { assuranceLevel: '2' }, 'assuranceLevel: assuranceLevel.invalid'],
    ['assuranceLevel 1', { assuranceLevel: 1 }, 'assuranceLevel: assuranceLevel.invalid'],
    ['card number too short', { cardNumber: '123456789' }, 'cardNumber: cardNumber.format'],
    ['card number too long', { cardNumber: '1'.repeat(21) }, 'cardNumber: cardNumber.format'],
    ['card number with letters', { cardNumber: '9752A100000000000001' }, 'cardNumber: cardNumber.format'],
    ['blank holder name', { holderName: '   ' }, 'holderName: required'],
    ['holder name too long', { holderName: 'x'.repeat(201) }, 'holderName: text.tooLong'],
    ['control character', { holderName: 'Anna\u0007' }, 'holderName: text.forbiddenCharacters'],
    ['lone surrogate', { holderName: 'Anna \uD800' }, 'holderName: text.forbiddenCharacters'],
    ['unknown holder id type', { holderIdType: 'passport' }, 'holderIdType: enum.invalid'],
    [
      'level 2 without unplannedPersonnel',
      { unplannedPersonnel: undefined },
      'unplannedPersonnel: unplannedPersonnel.requiredForLevel2',
    ],
    ['unplannedPersonnel as text', { unplannedPersonnel: 'true' }, 'unplannedPersonnel: type.boolean'],
    ['issuedAt without offset', { issuedAt: '2026-02-11T19:40:00' }, 'issuedAt: instant.format'],
    ['issuedAt impossible date', { issuedAt: '2026-02-30T19:40:00Z' }, 'issuedAt: instant.format'],
    ['expiry equal to issue', { expiresAt: '2026-02-11T18:40:00Z' }, 'expiresAt: expiresAt.notAfterIssued'],
    ['unknown reason', { reasonCode: 'bored' }, 'reasonCode: enum.invalid'],
    [
      'other without text',
      { reasonCode: 'other', reasonText: '  ' },
      'reasonText: reasonText.requiredForOther',
    ],
    ['reason text too long', { reasonText: 'x'.repeat(501) }, 'reasonText: text.tooLong'],
    ['no administrator', { issuedBy: [] }, 'issuedBy: issuedBy.count'],
    ['three administrators', { issuedBy: ['a', 'b', 'c'] }, 'issuedBy: issuedBy.count'],
    ['blank administrator', { issuedBy: ['Kim', ' '] }, 'issuedBy.1: required'],
    ['extends a non-uuid', { extendsCardId: 'abc' }, 'extendsCardId: uuid.format'],
    ['endedAt without reason', { endedAt: '2026-02-12T10:00:00Z' }, 'endReason: end.together'],
    ['endReason without time', { endReason: 'returned' }, 'endedAt: end.together'],
    [
      'ended before issue',
      { endedAt: '2026-02-10T10:00:00Z', endReason: 'returned' },
      'endedAt: endedAt.beforeIssued',
    ],
    ['note too long', { note: 'x'.repeat(2001) }, 'note: text.tooLong'],
    ['unknown field', { colour: 'blue' }, 'colour: field.unknown'],
  ])('refuses %s, naming the field', (_name, overrides, expected) => {
    expect(errorsOf({ ...validCard(), ...overrides })).toContain(expected);
  });

  it('reports every problem of a card at once, cross-field rules included', () => {
    const errors = errorsOf(
      validCard({ holderHsaId: 'SE2321000017-A1B2', reasonCode: 'other', cardNumber: '1' }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'holderHsaId: hsaId.checksum',
        'cardNumber: cardNumber.format',
        'reasonText: reasonText.requiredForOther',
      ]),
    );
  });

  it('accepts a level-3 card without unplannedPersonnel and 200/500/2000-character texts', () => {
    const parsed = CardInput.parse(
      validCard({
        assuranceLevel: 3,
        unplannedPersonnel: undefined,
        holderName: 'å'.repeat(200),
        reasonText: 'x'.repeat(500),
        note: 'n'.repeat(2000),
        issuedBy: ['A', 'B'],
      }),
    );
    expect(parsed.unplannedPersonnel).toBeNull();
  });

  it('gives the same instant for every offset notation', () => {
    const a = CardInput.parse(validCard({ issuedAt: '2026-02-11T19:40:00+01:00' }));
    const b = CardInput.parse(validCard({ issuedAt: '2026-02-11T18:40:00Z' }));
    const c = CardInput.parse(validCard({ issuedAt: '2026-02-11T13:40:00-05:00' }));
    expect(new Set([a.issuedAt, b.issuedAt, c.issuedAt]).size).toBe(1);
  });
});
