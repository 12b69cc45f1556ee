/**
 * Swedish and English texts of what the import wizard tells about the file it read: its
 * encoding and its header row. Spread into `ui` by renderer/i18n/sv.ts and en.ts under
 * their own top-level key.
 */
export const importSourceTextsSv = {
  importSource: {
    encoding: 'Teckenkodning: {{encoding}}',
    encodingName: {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8 med BOM (Excel "CSV UTF-8")',
      'utf-16le-bom': 'UTF-16 LE med BOM',
      'utf-16be-bom': 'UTF-16 BE med BOM',
      'windows-1252': 'Windows-1252 (Excel "CSV semikolonavgränsad")',
    },
    headerRow: 'Rubrikrad',
    headerRowHint:
      'Raden med kolumnernas namn. Den hittas automatiskt; rader ovanför den (t.ex. en titel) läses inte in.',
    headerRowTaken: 'Rubrikrad: rad {{line}} i filen',
    headerRowOption: 'Rad {{line}}: {{cells}}',
    emptyCells: '(tomma celler)',
    problemsTitle: 'Filen kan inte läsas med den rubrikraden',
    lineError: 'Rad {{line}} i filen: {{message}}',
  },
};

export const importSourceTextsEn: typeof importSourceTextsSv = {
  importSource: {
    encoding: 'Encoding: {{encoding}}',
    encodingName: {
      'utf-8': 'UTF-8',
      'utf-8-bom': 'UTF-8 with BOM (Excel "CSV UTF-8")',
      'utf-16le-bom': 'UTF-16 LE with BOM',
      'utf-16be-bom': 'UTF-16 BE with BOM',
      'windows-1252': 'Windows-1252 (Excel "CSV semicolon delimited")',
    },
    headerRow: 'Header row',
    headerRowHint:
      "The row with the columns' names. It is found automatically; rows above it (a title, say) are not read.",
    headerRowTaken: 'Header row: line {{line}} of the file',
    headerRowOption: 'Line {{line}}: {{cells}}',
    emptyCells: '(empty cells)',
    problemsTitle: 'The file cannot be read with that header row',
    lineError: 'Line {{line}} of the file: {{message}}',
  },
};
