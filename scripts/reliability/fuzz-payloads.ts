import fc from 'fast-check';

/** Text that has gone wrong in the wild, or is made to look like an attack. */
export const NASTY_STRINGS = [
  "'; DROP TABLE cards; --",
  "' OR '1'='1",
  '"; DELETE FROM audit_log; --',
  "Robert'); DROP TABLE organisations;--",
  "1; ATTACH DATABASE '/tmp/x.db' AS x; --",
  "' UNION SELECT key, value FROM settings --",
  '%',
  '_%\\',
  'NULL',
  '<script>alert(1)</script>',
  '=cmd|"/c calc"!A1',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mröd\u001b[0m',
  '\u007f',
  '\u0085',
  '\u009f',
  '\r\n',
  '\t',
  '\uD800',
  '\uDFFF',
  'a\uD800b',
  '\uDC00\uD800',
  '\uFEFF',
  '\u202Eevil',
  'A\u030A',
  '\u212B',
  'ﬁ',
  ' ',
  '',
  '   ',
  '\u00A0\u2028\u3000',
  '9752 2100-0000 0000 001',
  'SE2321000016-A1B2',
  'SE2321000017-A1B2',
  'se2321000016-a1b2',
  '00000000-0000-0000-0000-000000000000',
  'true',
  '2',
];

/** Times around the Stockholm DST changes, without offsets, in other calendars, and impossible. */
export const TIME_STRINGS = [
  '2026-03-29T02:30:00',
  '2026-03-29 02:30',
  '2026-03-29T02:30:00+01:00',
  '2026-03-29T01:30:00Z',
  '2026-10-25 02:30',
  '2026-10-25T02:30:00+02:00',
  '2026-10-25T02:30:00+01:00',
  '2026-03-29T02:30:00[Europe/Stockholm]',
  '2026-03-29T02:30:00+01:00[Europe/Stockholm]',
  '2026-02-30T10:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-13-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-01-01T00:00:00.123456789Z',
  '2026-01-01',
  '2026-01',
  '20260101T000000Z',
  '2026-03-29',
  '2026-10-25',
];

/** Strings of 10 000 to 300 000 characters: plain, wide, combining marks only. */
const hugeString = fc
  .tuple(fc.integer({ min: 10_000, max: 300_000 }), fc.constantFrom('x', 'Å', '\u0301', '😀', "'", '\u0000'))
  .map(([n, unit]) => unit.repeat(Math.ceil(n / unit.length)));

/** Every kind of string the channels might meet. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...TIME_STRINGS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 10 }))
      .map(([a, b]) => a + b),
  },
  { weight: 1, arbitrary: hugeString },
);

const anyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, 2 ** 53 + 2, 2.5, -1, 0, 1, 2, 3, 720, 721),
);

/** A JSON-ish value of any shape, including prototype keys and structured-clone oddities. */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText,
    anyNumber,
    fc.boolean(),
    fc.constantFrom(null, undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(anyText, fc.constantFrom('__proto__', 'constructor', 'prototype')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** Payloads no schema expects: nesting thousands deep, prototype pollution, odd objects. */
export const specialPayloads: readonly unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  Array.from({ length: 200_000 }, () => 'x'),
  Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
  deepArray(5_000),
  deepObject(5_000),
  new Date(0),
  [],
  '',
  0,
  true,
  null,
];

function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function deepObject(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** A path into a value and what to do there; applied by `mutate`. */
export interface Mutation {
  pick: number;
  op: 'delete' | 'replace' | 'add' | 'wrap' | 'retype';
  value: unknown;
  key: string;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'replace', 'add', 'wrap', 'retype'),
  value: junk,
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'id', 'path', 'extra')),
});

function retype(value: unknown): unknown {
  if (typeof value === 'string')
    return value === '' ? 0 : Number.isNaN(Number(value)) ? [value] : Number(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 0;
  if (Array.isArray(value)) return value[0] ?? {};
  if (value && typeof value === 'object') return JSON.stringify(value);
  return value === null ? 'null' : null;
}

/** Applies one mutation at one place (chosen by `pick`) inside a copy of a valid payload. */
export function mutate(payload: unknown, m: Mutation): unknown {
  const copy = structuredClone<unknown>(payload);
  const holders: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((inner, i) => {
        holders.push({ parent: v, key: i });
        walk(inner);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        holders.push({ parent: v as Record<string, unknown>, key: k });
        walk(inner);
      }
    }
  };
  walk(copy);
  if (holders.length === 0 || m.op === 'wrap') return m.op === 'wrap' ? [copy] : m.value;
  const { parent, key } = holders[m.pick % holders.length]!;
  const target = parent as Record<string | number, unknown>;
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete target[key];
      break;
    case 'replace':
      target[key] = m.value;
      break;
    case 'add':
      if (Array.isArray(parent)) parent.push(m.value);
      else Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true });
      break;
    case 'retype':
      target[key] = retype(target[key]);
      break;
  }
  return copy;
}
