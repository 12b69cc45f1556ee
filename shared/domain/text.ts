import { z } from 'zod';

// C0 and C1 control characters, DEL included.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Tells whether a string holds a control character or an unpaired surrogate. */
export function hasForbiddenCharacters(text: string): boolean {
  return CONTROL_RE.test(text) || LONE_SURROGATE_RE.test(text);
}

/** Trims and normalises to Unicode NFC: the one stored form of every text field. */
export function normaliseText(text: string): string {
  return text.trim().normalize('NFC');
}

/** Length in Unicode code points, so an emoji or an accented letter counts once. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * A text field per SPEC §3: refuses control characters and lone surrogates, then trims,
 * normalises to NFC and checks the length in code points.
 */
export function textField(min: number, max: number) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .superRefine((s, ctx) => {
      if (hasForbiddenCharacters(s)) ctx.addIssue({ code: 'custom', message: 'text.forbiddenCharacters' });
      // U+FFFD stands where a file's bytes could not be decoded: refused, so it is never stored.
      else if (s.includes('\uFFFD')) ctx.addIssue({ code: 'custom', message: 'text.replacementCharacter' });
    })
    .transform(normaliseText)
    .superRefine((s, ctx) => {
      const n = textLength(s);
      if (n < min)
        ctx.addIssue({ code: 'custom', message: min === 1 ? 'required' : 'text.tooShort', params: { min } });
      if (n > max) ctx.addIssue({ code: 'custom', message: 'text.tooLong', params: { max } });
    });
}
