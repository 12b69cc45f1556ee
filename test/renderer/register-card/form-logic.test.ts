import { describe, expect, it } from 'vitest';
import { createUiI18n } from '../../../renderer/i18n';
import { placeFieldErrors } from '../../../renderer/features/register-card/field-errors';
import {
  applyChange,
  createInitialValues,
  type CardFormValues,
} from '../../../renderer/features/register-card/form-state';
import { buildCardInput } from '../../../renderer/features/register-card/to-card-input';

const NOW = Date.parse('2026-02-11T18:40:20Z'); // 19:40 in Stockholm

function filled(patch: Partial<CardFormValues> = {}): CardFormValues {
  return {
    ...createInitialValues(NOW),
    organisationHsaId: ' SE2321000016-A1B2 ',
    cardNumber: '9752 2000 0000 0000 001',
    holderHsaId: 'SE2321000016-H1',
    holderName: 'Anna',
    unplannedPersonnel: 'yes',
    reasonCode: 'forgotten-card',
    administrator1: 'Kim',
    ...patch,
  };
}

describe('buildCardInput', () => {
  it('writes instants with the Stockholm offset and leaves empty optional fields out', () => {
    const result = buildCardInput(filled(), false);
    expect(result).toEqual({
      ok: true,
      draft: {
        organisationHsaId: 'SE2321000016-A1B2',
        assuranceLevel: 2,
        cardNumber: '9752 2000 0000 0000 001',
        holderHsaId: 'SE2321000016-H1',
        holderName: 'Anna',
        holderIdType: 'personnummer',
        unplannedPersonnel: true,
        issuedAt: '2026-02-11T19:40:00+01:00',
        expiresAt: '2026-02-25T19:40:00+01:00',
        reasonCode: 'forgotten-card',
        issuedBy: ['Kim'],
      },
    });
  });

  it('uses summer time in summer and sends the organisation name only for a new organisation', () => {
    const values = filled({
      issuedAt: '2026-07-01 22:00',
      expiresAt: '2026-07-03 22:00',
      organisationName: 'Ny',
    });
    const result = buildCardInput(values, true);
    expect(result.ok && result.draft).toMatchObject({
      issuedAt: '2026-07-01T22:00:00+02:00',
      expiresAt: '2026-07-03T22:00:00+02:00',
      organisationName: 'Ny',
    });
  });

  it('sends level 3 with unplannedPersonnel null whatever was answered for level 2', () => {
    const result = buildCardInput(filled({ assuranceLevel: '3', administrator2: 'Maria' }), false);
    expect(result.ok && result.draft).toMatchObject({
      assuranceLevel: 3,
      unplannedPersonnel: null,
      issuedBy: ['Kim', 'Maria'],
    });
  });

  it('leaves an unanswered level-2 question out so the back end names it', () => {
    const result = buildCardInput(filled({ unplannedPersonnel: '' }), false);
    expect(result.ok && result.draft).not.toHaveProperty('unplannedPersonnel');
  });

  it('sends the end and extension only when filled in', () => {
    const result = buildCardInput(
      filled({ endedAt: '2026-02-12 08:00', endReason: 'returned', extendsCardId: ' 0a7f… ', note: 'x' }),
      false,
    );
    expect(result.ok && result.draft).toMatchObject({
      endedAt: '2026-02-12T08:00:00+01:00',
      endReason: 'returned',
      extendsCardId: '0a7f…',
      note: 'x',
    });
  });

  it('refuses local times that do not exist, exist twice or are malformed', () => {
    const result = buildCardInput(
      filled({ issuedAt: '2026-03-29 02:30', expiresAt: '2026-10-25 02:30', endedAt: '2026-13-01 10:00' }),
      false,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'issuedAt', message: 'localTime.nonexistent' },
        { field: 'expiresAt', message: 'localTime.ambiguous' },
        { field: 'endedAt', message: 'localTime.format' },
      ],
    });
  });
});

describe('expiry pre-fill', () => {
  it('follows issue time and level until the user types an expiry; clearing it resumes', () => {
    let v = createInitialValues(NOW);
    expect(v.issuedAt).toBe('2026-02-11 19:40');
    expect(v.expiresAt).toBe('2026-02-25 19:40');
    v = applyChange(v, { assuranceLevel: '3' });
    expect(v.expiresAt).toBe('2026-03-13 19:40');
    v = applyChange(v, { expiresAt: '2026-02-20 10:00' });
    v = applyChange(v, { issuedAt: '2026-02-12 19:40' });
    expect(v.expiresAt).toBe('2026-02-20 10:00');
    v = applyChange(v, { expiresAt: '' });
    v = applyChange(v, { assuranceLevel: '2' });
    expect(v.expiresAt).toBe('2026-02-26 19:40');
  });

  it('leaves the expiry alone while the issue time is half typed', () => {
    const v = applyChange(createInitialValues(NOW), { issuedAt: '2026-02-1' });
    expect(v.expiresAt).toBe('2026-02-25 19:40');
  });
});

describe('placeFieldErrors', () => {
  const t = createUiI18n('sv').getFixedT(null, 'common');
  const all = () => true;

  it('translates with parameters and maps issuedBy.N to the administrator inputs', () => {
    const placed = placeFieldErrors(
      [
        { field: 'holderName', message: 'text.tooLong', params: { max: 200 } },
        { field: 'issuedBy.1', message: 'required' },
        { field: 'issuedBy', message: 'issuedBy.count' },
      ],
      t,
      all,
    );
    expect(placed.fields).toEqual({
      holderName: 'Får vara högst 200 tecken.',
      administrator2: 'Måste fyllas i.',
      administrator1: 'Ange en eller två ID-administratörer.',
    });
    expect(placed.general).toEqual([]);
  });

  it('sends unknown fields and fields not on screen to the summary, named', () => {
    const placed = placeFieldErrors(
      [
        { field: 'violationJustification', message: 'text.tooLong', params: { max: 1000 } },
        { field: 'organisationName', message: 'organisationName.requiredForNew' },
        { field: '(root)', message: 'type.object' },
      ],
      t,
      (field) => field !== 'organisationName' && field !== 'violationJustification',
    );
    expect(placed.fields).toEqual({});
    expect(placed.general).toEqual([
      'Motivering: Får vara högst 1000 tecken.',
      'Organisationens namn: Organisationen är ny: ange dess namn.',
      'Registreringen: Måste vara ett objekt.',
    ]);
  });
});
