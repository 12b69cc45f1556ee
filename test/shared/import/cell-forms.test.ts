import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOOLEAN_FORMS,
  normaliseCellText,
  readCardCell,
  readTimeCell,
} from '../../../shared/import/cell-forms';
import { createI18n } from '../../../shared/i18n';

describe('normaliseCellText: the accepted forms, as the wizard shows and sends them', () => {
  it.each([
    ['reasonCode', 'Glömt kort', 'forgotten-card'],
    ['reasonCode', 'glomt kort', 'forgotten-card'],
    ['reasonCode', 'GLÖMT KORT', 'forgotten-card'],
    ['reasonCode', 'Forgotten card', 'forgotten-card'],
    ['reasonCode', 'Förlorat eller stulet kort', 'lost-or-stolen'],
    ['reasonCode', 'Annat', 'other'],
    ['reasonCode', 'Annat — fritext krävs', 'other'],
    ['reasonCode', 'Damaged card', 'damaged-card'],
    ['reasonCode', 'not-yet-received', 'not-yet-received'],
    ['reasonCode', 'NOT-YET-RECEIVED', 'not-yet-received'],
    ['reasonCode', 'Hittepå', 'Hittepå'],
    ['holderIdType', 'Personnummer', 'personnummer'],
    ['holderIdType', 'Samordningsnummer', 'samordningsnummer'],
    ['holderIdType', 'Pass', 'other'],
    ['holderIdType', 'Coordination number', 'samordningsnummer'],
    ['endReason', 'Återlämnat', 'returned'],
    ['endReason', 'spärrat', 'revoked'],
    ['endReason', 'Returned', 'returned'],
    ['assuranceLevel', 'Nivå 2', '2'],
    ['assuranceLevel', 'LoA3', '3'],
    ['assuranceLevel', '3', '3'],
    ['unplannedPersonnel', 'Ja', 'true'],
    ['unplannedPersonnel', 'FALSKT', 'false'],
    ['unplannedPersonnel', '1', 'true'],
    ['unplannedPersonnel', 'kanske', 'kanske'],
    ['issuedAt', '2026-02-11 9:40:00', '2026-02-11 09:40'],
    ['issuedAt', '2026-02-11T19:40', '2026-02-11 19:40'],
    ['issuedAt', '2026-02-11 19:40:30', '2026-02-11 19:40:30'],
    ['expiresAt', '2026-02-25T19:40:00+01:00', '2026-02-25T19:40:00+01:00'],
    ['holderName', '  Åsa Öberg ', 'Åsa Öberg'],
  ])('%s %j → %j', (field, cell, text) => {
    expect(normaliseCellText(field, cell)).toBe(text);
  });
});

describe('readTimeCell: every accepted form of a time', () => {
  it.each([
    ['2026-02-11 19:40', '2026-02-11T19:40:00+01:00'],
    ['2026-02-11 19:40:00', '2026-02-11T19:40:00+01:00'],
    ['2026-02-11 19:40:30', '2026-02-11T19:40:30+01:00'],
    ['2026-02-11T19:40', '2026-02-11T19:40:00+01:00'],
    ['2026-02-11T19:40:00', '2026-02-11T19:40:00+01:00'],
    ['2026-02-11 9:40', '2026-02-11T09:40:00+01:00'],
    ['2026-07-01 08:00', '2026-07-01T08:00:00+02:00'],
    [' 2026-03-29 03:00 ', '2026-03-29T03:00:00+02:00'],
    ['2026-10-25 03:00', '2026-10-25T03:00:00+01:00'],
    ['2026-02-11T19:40:00Z', '2026-02-11T19:40:00Z'],
    ['2026-02-11T19:40:00+01:00', '2026-02-11T19:40:00+01:00'],
    ['2026-02-11T19:40:00.250+01:00', '2026-02-11T19:40:00.250+01:00'],
  ])('%s → %s', (cell, value) => {
    expect(readTimeCell(cell)).toEqual({ ok: true, value });
  });

  it.each([
    ['2026-03-29 02:30', 'localTime.nonexistent'],
    ['2026-03-29 02:30:00', 'localTime.nonexistent'],
    ['2026-10-25 02:30', 'localTime.ambiguous'],
    ['2026-10-25T02:59:59', 'localTime.ambiguous'],
    ['2026-02-30 10:00', 'localTime.format'],
  ])('refuses %s (%s) rather than guessing', (cell, message) => {
    expect(readTimeCell(cell)).toEqual({ ok: false, message });
  });

  it.each([
    ['2025-12-03 18.30', '2025-12-03 18:30'],
    ['18.30', '2025-12-03 18:30'],
    ['2026-2-5 7,05', '2026-02-05 07:05'],
    ['igår', '2025-12-03 18:30'],
    ['2026-02-11 19:40:75', '2026-02-11 19:40'],
    ['2026-02-11T19:40:00+1', '2026-02-11 19:40'],
  ])('refuses %s with an example of the accepted form (%s)', (cell, example) => {
    expect(readTimeCell(cell)).toEqual({ ok: false, message: 'time.format', params: { example } });
  });

  it('names every accepted form in the message, in Swedish and English', () => {
    const sv = createI18n('sv').t('validation.time.format', { example: '2025-12-03 18:30' });
    expect(sv).toContain('skriv till exempel 2025-12-03 18:30');
    for (const form of ['ÅÅÅÅ-MM-DD TT:MM', 'ÅÅÅÅ-MM-DD TT:MM:SS', 'T mellan datum och tid', '+01:00', 'Z']) {
      expect(sv).toContain(form);
    }
    const en = createI18n('en').t('validation.time.format', { example: '2025-12-03 18:30' });
    expect(en).toContain('write for example 2025-12-03 18:30');
    expect(en).toContain('YYYY-MM-DD HH:MM:SS');
  });

  it('gives a local time with seconds the instant of the same time without them, plus the seconds (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 59 }),
        (date, seconds) => {
          const day = date.toISOString().slice(0, 10);
          const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
          const plain = readTimeCell(`${day} ${time}`);
          const withSeconds = readTimeCell(`${day}T${time}:${String(seconds).padStart(2, '0')}`);
          expect(withSeconds.ok).toBe(plain.ok);
          if (plain.ok && withSeconds.ok) {
            expect(Date.parse(withSeconds.value) - Date.parse(plain.value)).toBe(seconds * 1000);
          }
        },
      ),
    );
  });
});

describe('readCardCell: values for the card schema, or an error listing what is accepted', () => {
  it.each(Object.entries(BOOLEAN_FORMS))('reads the boolean %s', (form, value) => {
    expect(readCardCell('unplannedPersonnel', form.toUpperCase())).toEqual({ ok: true, value });
    expect(readCardCell('unplannedPersonnel', ` ${form} `)).toEqual({ ok: true, value });
  });

  it.each([
    ['unplannedPersonnel', 'kanske', { ok: false, message: 'boolean.invalid' }],
    [
      'reasonCode',
      'Glömde',
      {
        ok: false,
        message: 'reasonCode.unknown',
        params: {
          allowed:
            'forgotten-card, lost-or-stolen, damaged-card, blocked-card, not-yet-received, short-notice-staff, other',
        },
      },
    ],
    [
      'holderIdType',
      'BankID',
      {
        ok: false,
        message: 'holderIdType.unknown',
        params: { allowed: 'personnummer, samordningsnummer, other' },
      },
    ],
    [
      'endReason',
      'borta',
      { ok: false, message: 'endReason.unknown', params: { allowed: 'returned, revoked, extended' } },
    ],
    [
      'cardNumber',
      '9,75221E+18',
      { ok: false, message: 'cardNumber.numberCell', params: { value: '9,75221E+18' } },
    ],
    [
      'cardNumber',
      '9.75221e+18',
      { ok: false, message: 'cardNumber.numberCell', params: { value: '9.75221e+18' } },
    ],
    ['holderName', '\uFFFDsa \uFFFDberg', { ok: false, message: 'text.replacementCharacter' }],
    ['cardNumber', '9752 \uFFFD', { ok: false, message: 'text.replacementCharacter' }],
  ])('%s %j → %j', (field, cell, read) => {
    expect(readCardCell(field, cell)).toEqual(read);
  });

  it.each([
    ['reasonCode', 'Glömt kort', 'forgotten-card'],
    ['assuranceLevel', 'Nivå 2', 2],
    ['assuranceLevel', '4', 4],
    ['assuranceLevel', 'två', 'två'],
    ['cardNumber', '9752 2100 0000 0000 201', '9752 2100 0000 0000 201'],
    ['issuedBy', 'Kim|Lo', ['Kim', 'Lo']],
    ['issuedAt', '2026-02-11 18:30:00', '2026-02-11T18:30:00+01:00'],
  ])('%s %j → %j', (field, cell, value) => {
    expect(readCardCell(field, cell)).toEqual({ ok: true, value });
  });

  it('lists the allowed values in the message a desk reads', () => {
    const { t } = createI18n('sv');
    const read = readCardCell('reasonCode', 'Glömde');
    if (read.ok) throw new Error('accepted');
    expect(t(`validation.${read.message}`, read.params)).toContain('forgotten-card, lost-or-stolen');
    expect(t('validation.boolean.invalid')).toBe(
      'Skriv ja eller nej (eller true/false, sant/falskt, yes/no, 1/0).',
    );
  });
});
