import fc from 'fast-check';
import { join } from 'node:path';
import type { CardInputRaw } from '../../shared/domain/card';
import { formatInstant } from '../../shared/time/stockholm';
import { TIME_STRINGS } from './fuzz-payloads';
import { hsaId, withLuhn } from './valid-data';

/** What the fuzzer has learnt about the register so far, for payloads that refer to it. */
export interface FuzzState {
  cardIds: string[];
  holderIds: string[];
  backupNames: string[];
  /** The only folder paths may point into. */
  sandbox: string;
  counter: number;
}

const pick = <T>(items: readonly T[], fallback: T) =>
  fc.nat().map((i) => items[i % items.length] ?? fallback);
const ID = '00000000-0000-4000-8000-000000000000';

// Letters, marks that compose under NFC, whitespace trim() removes, emoji and CJK.
const textUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'AaÅåÄäÖöEeÉé Zz-.,\'"0123456789') },
  { weight: 2, arbitrary: fc.constantFrom('\u0301', '\u030A', '\u0308', '\u212B', 'ﬁ', 'Ǆ', 'ß', 'İ') },
  { weight: 1, arbitrary: fc.constantFrom('\u00A0', '\u2028', '\u3000', '\uFEFF', '\u200B', ' ') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
// Refused in every text field, except the line breaks, which reasonText and note keep (as LF).
const forbidden = fc.constantFrom(
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0085',
  '\uD800',
  '\uDC00',
  '\n',
  '\r',
  '\r\n',
);

/**
 * Text for a round trip: mostly valid, sometimes not (a control character, a line break or
 * a lone surrogate half somewhere, too long, or blank), so both answers are checked.
 */
export const roundTripText = (maxLength: number) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.string({ unit: textUnit, minLength: 1, maxLength }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ unit: textUnit, maxLength }), forbidden, fc.nat())
        .map(
          ([text, bad, at]) =>
            text.slice(0, at % (text.length + 1)) + bad + text.slice(at % (text.length + 1)),
        ),
    },
    { weight: 1, arbitrary: fc.string({ unit: textUnit, minLength: 190, maxLength: 260 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ', '\u00A0\u3000') },
  );

/** A card whose only unknowns are its texts; unique, rule-abiding otherwise. */
export function roundTripCard(state: FuzzState): fc.Arbitrary<CardInputRaw> {
  return fc
    .record({
      holderName: roundTripText(40),
      organisationName: roundTripText(40),
      reasonText: roundTripText(60),
      note: roundTripText(80),
      admin: roundTripText(20),
      day: fc.integer({ min: 0, max: 200 }),
    })
    .map((t) => {
      const n = ++state.counter;
      const issuedAt = Date.parse('2025-12-01T12:00:00Z') + t.day * 86_400_000;
      return {
        // A new organisation each time, so the stored name is the one just sent.
        organisationHsaId: hsaId(700_000_000 + n, `O${n}`),
        organisationName: t.organisationName,
        assuranceLevel: 3,
        cardNumber: `9752${String(n).padStart(15, '0')}`,
        holderHsaId: hsaId(n, `F${n}`),
        holderName: t.holderName,
        holderIdType: 'personnummer',
        issuedAt: formatInstant(issuedAt),
        expiresAt: formatInstant(issuedAt + 3 * 86_400_000),
        reasonCode: 'other',
        reasonText: t.reasonText,
        note: t.note,
        issuedBy: [t.admin, 'Lo Lind'],
        violationJustification: 'Godkänt i fuzzning',
      } satisfies CardInputRaw;
    });
}

const instant = fc
  .integer({ min: Date.parse('2025-10-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
  .map((ms) => formatInstant(ms));
const time = fc.oneof(
  { weight: 4, arbitrary: instant },
  { weight: 1, arbitrary: fc.constantFrom(...TIME_STRINGS) },
);
const month = fc.constantFrom('2025-12', '2026-01', '2026-03', '2026-06', '2026-10');

/** Rows for the import channels: the cells of a valid card, as text. */
const importRows = (state: FuzzState) =>
  fc.array(
    fc.tuple(fc.nat(), time).map(([i, issued]) => {
      const n = ++state.counter;
      return {
        organisationHsaId: hsaId(600_000 + (i % 9), `I${i % 9}`),
        organisationName: `Importorg ${i % 9}`,
        assuranceLevel: '3',
        cardNumber: `9752${String(n).padStart(15, '0')}`,
        holderHsaId: hsaId(n, `M${n}`),
        holderName: `Importerad ${n}`,
        holderIdType: 'personnummer',
        issuedAt: issued,
        expiresAt: '2027-01-01T00:00:00Z',
        reasonCode: 'forgotten-card',
        issuedBy: 'Kim Karlsson|Lo Lind',
        violationJustification: 'ok',
      };
    }),
    { maxLength: 4 },
  );

/**
 * Valid (or nearly valid) payloads per channel, drawn from what the register holds now.
 * A channel without an entry (one added after this file) gets `{}` and no input.
 */
export function validPayloads(channel: string, state: FuzzState): fc.Arbitrary<unknown> {
  const cardId = pick(state.cardIds, ID);
  const path = fc
    // A handful of names, so the sandbox holds a few files rewritten often, not thousands.
    .tuple(fc.constantFrom('a', 'b', 'c', 'rapport'), fc.constantFrom('.json', '.csv', '.xlsx', '.db', ''))
    .map(([name, ext]) => join(state.sandbox, `${name}${ext}`));
  switch (channel) {
    case 'cards:register':
      return roundTripCard(state);
    case 'cards:list':
      return fc.record(
        {
          search: roundTripText(20),
          month,
          level: fc.constantFrom(2, 3),
          sort: fc.record({
            by: fc.constantFrom('issuedAt', 'expiresAt', 'holderName', 'cardNumber', 'organisation', 'level'),
            dir: fc.constantFrom('asc', 'desc'),
          }),
          findings: fc.constantFrom('violation', 'any'),
          offset: fc.nat(1000),
          limit: fc.integer({ min: 1, max: 500 }),
        },
        { requiredKeys: [] },
      );
    case 'cards:get':
    case 'findings:card':
      return fc.record({ id: cardId });
    case 'findings:preview':
      return fc.record(
        {
          assuranceLevel: fc.constantFrom(2, 3),
          issuedAt: time,
          expiresAt: time,
          holderHsaId: pick(state.holderIds, 'SE2321000016-A1B2'),
          cardNumber: fc.stringMatching(/^9752[0-9 -]{10,18}$/),
          issuedBy: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }),
          unplannedPersonnel: fc.boolean(),
        },
        { requiredKeys: ['assuranceLevel', 'issuedAt', 'expiresAt'] },
      );
    case 'decisions:add':
      return fc.record({
        id: fc.nat().map((n) => `fuzz-${n}`),
        title: roundTripText(30),
        from: fc.constantFrom('2026-07-01', '2026-02-29', '2027-01-01'),
        to: fc.constantFrom('2026-12-31', '2026-06-30'),
        maxValidityDays: fc.integer({ min: 0, max: 400 }),
      });
    case 'settings:update':
      return fc.oneof(
        fc.record({
          officeHours: fc.record({
            start: fc.constantFrom('08:00', '09:00', '24:00'),
            end: fc.constantFrom('17:00', '15:01', '07:00'),
          }),
        }),
        fc.record({
          closedDays: fc.array(fc.constantFrom('2026-12-24', '2026-02-30', '2026-06-19'), { maxLength: 3 }),
        }),
        fc.record({ expiringSoonHours: fc.integer({ min: 0, max: 800 }) }),
      );
    case 'report:monthly':
      return fc.record({ month });
    case 'report:history':
      return fc.record({ endMonth: month, months: fc.integer({ min: 0, max: 40 }) });
    case 'report:export':
      // An XLSX render takes a second (a worker, ExcelJS); JSON and CSV exercise the same checks.
      return fc.record({
        month,
        format: fc.oneof(
          { weight: 60, arbitrary: fc.constantFrom('json', 'csv') },
          { weight: 1, arbitrary: fc.constant('xlsx') },
        ),
        path,
      });
    case 'cards:end':
      return fc.record({
        id: cardId,
        endedAt: time,
        endReason: fc.constantFrom('returned', 'revoked', 'extended'),
      });
    case 'cards:void':
      return fc.record({ id: cardId, why: roundTripText(30) });
    case 'cards:extend':
      return fc.oneof(
        // After every card the fuzzer registers, so it goes through when the card is open.
        fc.record({
          id: cardId,
          issuedAt: fc.constant('2026-07-01T20:00:00+02:00'),
          expiresAt: fc.constant('2026-07-05T20:00:00+02:00'),
          issuedBy: fc.constant(['Kim Karlsson', 'Lo Lind']),
          violationJustification: fc.constant('Godkänt'),
        }),
        fc.record({ id: cardId, issuedAt: time, expiresAt: time, issuedBy: fc.constant(['Kim', 'Lo']) }),
      );
    case 'review:lists':
      return fc.option(
        fc.record({ now: time, withinHours: fc.integer({ min: 0, max: 800 }) }, { requiredKeys: [] }),
        { nil: undefined },
      );
    case 'audit:list':
      return fc.record(
        { cardId, limit: fc.integer({ min: 1, max: 500 }), offset: fc.nat(50) },
        { requiredKeys: [] },
      );
    case 'import:preview':
    case 'import:commit':
      return fc.record({ rows: importRows(state) });
    case 'backup:create':
      return fc.oneof(fc.constant({}), fc.record({ path }));
    case 'backup:restore':
      return fc.record({ name: pick(state.backupNames, 'k-daily-2026-01-01T00-00-00-000Z.db') });
    case 'personal:export':
      return fc.record({
        holderHsaId: fc.oneof(
          pick(state.holderIds, 'SE2321000016-A1B2'),
          fc.stringMatching(/^\d{9}$/).map((d) => `SE${withLuhn(d)}-X1`),
        ),
      });
    case 'organisations:rename':
      // The organisations the round-trip cards create, in any case, or one that is not there.
      return fc.record({
        hsaId: fc.oneof(
          fc.nat(50).map((n) => hsaId(700_000_000 + n, `O${n}`)),
          fc.nat(50).map((n) => hsaId(700_000_000 + n, `o${n}`)),
        ),
        name: roundTripText(40),
      });
    default:
      return fc.constantFrom({}, undefined);
  }
}

/**
 * Keeps payloads that name a file inside the sandbox: a random string must never become
 * a path the fuzzer writes to. Anything else in `path` becomes a file in the sandbox
 * (or stays relative, which the channel must refuse).
 */
export function confinePaths(payload: unknown, sandbox: string, salt: number): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload) || !('path' in payload))
    return payload;
  const value = payload.path;
  if (typeof value !== 'string' || (value.startsWith(`${sandbox}/`) && !value.includes('..'))) return payload;
  const safe = salt % 3 === 0 ? `relativ-${salt}.json` : join(sandbox, `f${salt % 7}.json`);
  return { ...payload, path: safe };
}
