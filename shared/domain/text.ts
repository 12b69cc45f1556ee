import { z } from 'zod';

// C0 and C1 control characters, DEL included.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001F\u007F-\u009F]/;
// The same without LF and CR, for the fields that may hold line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINE_BREAKS_RE = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_RE = /[\r\n]/;
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a text field allows beyond plain text: line breaks (SPEC §3: `reasonText`, `note`). */
export interface TextFieldOptions {
  lineBreaks?: boolean;
}

/**
 * Tells whether a string holds a control character or an unpaired surrogate; with
 * `lineBreaks`, LF and CR are allowed.
 */
export function hasForbiddenCharacters(text: string, options: TextFieldOptions = {}): boolean {
  const control = options.lineBreaks ? CONTROL_BUT_LINE_BREAKS_RE : CONTROL_RE;
  return control.test(text) || LONE_SURROGATE_RE.test(text);
}

/** CRLF and lone CR become LF: the one stored form of a line break. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

// The message for a refused text: a line break where none is allowed gets its own, since
// "control character" says nothing to someone who pressed Enter in a text box.
function forbiddenMessage(text: string): string {
  return LINE_BREAK_RE.test(text) && !hasForbiddenCharacters(text, { lineBreaks: true })
    ? 'text.lineBreak'
    : 'text.forbiddenCharacters';
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
 * normalises to NFC and checks the length in code points. With `lineBreaks` it keeps line
 * breaks, CRLF and CR stored as LF.
 */
export function textField(min: number, max: number, options: TextFieldOptions = {}) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
    .superRefine((s, ctx) => {
      if (hasForbiddenCharacters(s, options)) ctx.addIssue({ code: 'custom', message: forbiddenMessage(s) });
      // U+FFFD stands where a file's bytes could not be decoded: refused, so it is never stored.
      else if (s.includes('\uFFFD')) ctx.addIssue({ code: 'custom', message: 'text.replacementCharacter' });
    })
    .transform((s) => normaliseText(options.lineBreaks ? normaliseLineBreaks(s) : s))
    .superRefine((s, ctx) => {
      const n = textLength(s);
      if (n < min)
        ctx.addIssue({ code: 'custom', message: min === 1 ? 'required' : 'text.tooShort', params: { min } });
      if (n > max) ctx.addIssue({ code: 'custom', message: 'text.tooLong', params: { max } });
    });
}
