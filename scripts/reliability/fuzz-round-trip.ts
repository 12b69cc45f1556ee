import type { Backend } from '../../electron/app/backend';
import type { CardInputRaw, CardRecord } from '../../shared/domain/card';
import type { IpcResult } from '../../shared/ipc/result';

// The rules of SPEC §3 for text, written out again independently of shared/domain/text.ts:
// no C0/C1 control characters, no unpaired surrogates, no U+FFFD; then trimmed, NFC, length in
// code points. reasonText and note may hold line breaks, CRLF and CR stored as LF.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stored(text: string, min: number, max: number, lineBreaks = false): string | undefined {
  const lines = lineBreaks ? text.split(/\r\n|\r|\n/) : [text];
  if (lines.some((line) => CONTROL.test(line) || LONE.test(line))) return undefined;
  // U+FFFD marks bytes a file's encoding could not give: refused rather than stored.
  if (text.includes('\uFFFD')) return undefined;
  const out = lines.join('\n').trim().normalize('NFC');
  const length = [...out].length;
  return length >= min && length <= max ? out : undefined;
}

/** Each text field of the round-trip card, its bounds, and where the record shows it. */
function expectations(
  card: CardInputRaw,
): [string, string | undefined, (r: CardRecord) => string | undefined][] {
  return [
    ['holderName', stored(card.holderName, 1, 200), (r) => r.holderName],
    ['organisationName', stored(card.organisationName ?? '', 1, 200), (r) => r.organisationName],
    // reasonCode is `other`, so the reason text must not be blank.
    ['reasonText', stored(card.reasonText ?? '', 1, 500, true), (r) => r.reasonText],
    ['note', stored(card.note ?? '', 0, 2000, true), (r) => r.note],
    ['issuedBy', stored(card.issuedBy[0] ?? '', 1, 200), (r) => r.issuedBy[0]],
  ];
}

/**
 * Checks one registration of a card whose only unknowns are its texts: accepted exactly
 * when every text is valid, and then stored — and read back by cards:get — as the
 * trimmed NFC form of what was sent. Returns what went wrong, or null.
 */
export async function checkRoundTrip(
  backend: Backend,
  sent: unknown,
  answer: IpcResult<unknown>,
): Promise<string | null> {
  const card = sent as CardInputRaw;
  const fields = expectations(card);
  const allValid = fields.every(([, expected]) => expected !== undefined);
  if (!answer.ok) {
    if (!allValid) return answer.error.code === 'invalid-input' ? null : `refused with ${answer.error.code}`;
    return `valid card refused: ${JSON.stringify(answer.error)}`;
  }
  if (!allValid) return 'invalid text accepted';
  const registered = answer.value as CardRecord;
  const read = await backend.router.invoke('cards:get', { id: registered.id }, { trustedSender: true });
  if (!read.ok) return `cards:get failed: ${read.error.code}`;
  for (const record of [registered, read.value as CardRecord]) {
    for (const [field, expected, actual] of fields) {
      if (actual(record) !== expected)
        return `${field}: sent ${JSON.stringify(expected)}, got ${JSON.stringify(actual(record))}`;
    }
  }
  return null;
}
