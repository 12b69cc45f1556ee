/** Texts only the command line shows (namespace `cli`). */
export const cliTexts = {
  sv: {
    help: [
      'Kortliggaren – register för SITHS-reservkort',
      '',
      'Användning: npm run --silent cli -- [--db FIL] [--lang sv|en] KOMMANDO …',
      '',
      'Kommandon:',
      '  import FIL     importera kort och organisationer från en JSON-fil (allt eller inget)',
      '  help           visa den här hjälpen',
      '',
      'Utan --db används deskens egen databas. Utdata är JSON på stdout; fel skrivs',
      'en rad vardera på stderr. Slutstatus: 0 lyckades, 2 ogiltig indata, 1 annat fel.',
    ].join('\n'),
    usage: {
      prefix: 'Felaktig användning',
      unknownCommand: 'okänt kommando "{{name}}" (se --help)',
      importFile: 'ange exakt en fil: import FIL',
      badLanguage: '--lang ska vara sv eller en',
    },
    import: {
      unreadable: 'kan inte läsa filen {{path}}',
      badJson: 'filen är inte giltig JSON ({{detail}})',
    },
    error: { prefix: 'Fel' },
  },
  en: {
    help: [
      'Kortliggaren – register of SITHS reserve cards',
      '',
      'Usage: npm run --silent cli -- [--db FILE] [--lang sv|en] COMMAND …',
      '',
      'Commands:',
      '  import FILE    import cards and organisations from a JSON file (all or nothing)',
      '  help           show this help',
      '',
      "Without --db the desk's own database is used. Output is JSON on stdout; errors go",
      'to stderr, one line each. Exit status: 0 success, 2 invalid input, 1 other error.',
    ].join('\n'),
    usage: {
      prefix: 'Usage error',
      unknownCommand: 'unknown command "{{name}}" (see --help)',
      importFile: 'give exactly one file: import FILE',
      badLanguage: '--lang must be sv or en',
    },
    import: {
      unreadable: 'cannot read the file {{path}}',
      badJson: 'the file is not valid JSON ({{detail}})',
    },
    error: { prefix: 'Error' },
  },
};
