// Characters that make Excel, LibreOffice Calc or Google Sheets read a cell as a formula
// (or, for tab and CR, that some of them strip before doing so): OWASP's list.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Neutralises a text cell against formula injection (SPEC §5): text that starts with `=`,
 * `+`, `-`, `@`, tab or CR gets a leading apostrophe; anything else is returned as is.
 *
 * Why an apostrophe: it is OWASP's recommendation and the spreadsheet convention for
 * "this is text". Spreadsheets then show the text rather than run it; the apostrophe is
 * visible in the cell, which is the price of never letting a reason text such as
 * `=HYPERLINK(…)` become live in the file Inera opens. Used for CSV and XLSX alike so both
 * files carry the same cell text. Numbers are never passed through here: they stay numbers.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}
