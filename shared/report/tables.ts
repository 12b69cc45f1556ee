import type { Decision } from '../domain/decision';
import { sv } from '../i18n/sv';
import type { MonthlyReport, ReportFigures } from './monthly-schema';

/** A cell of an exported table: text, or a number that must stay a number. */
export type TableCell = string | number;

/** One table of the exported report, with its Swedish column headers. */
export interface ReportTable {
  headers: string[];
  rows: TableCell[][];
}

/** What the "Om rapporten" sheet says besides the report itself. */
export interface ReportAbout {
  /** The region's or desk's name (setting `deskName`), or empty. */
  deskName: string;
  /** The decisions in force during the month. */
  decisions: readonly Decision[];
  appVersion: string;
  contentHash: string;
}

// The files go to Inera and E-hälsomyndigheten, whose working language is Swedish, so the
// headers are Swedish whatever language the desk's UI is in.
const STATISTICS_HEADERS = [
  'Organisationens HSA-id',
  'Organisation',
  'Aktiva vid periodens slut nivå 2',
  'Aktiva vid periodens slut nivå 3',
  'Nyutfärdade nivå 2',
  'Nyutfärdade nivå 3',
  'Varav förlängningar nivå 2',
  'Varav förlängningar nivå 3',
];

const REASON_HEADERS = [
  'Kort-id',
  'Kortnummer',
  'Organisationens HSA-id',
  'Utfärdat',
  'Anledning (kod)',
  'Anledning',
  'Fritext',
];

function figureCells(f: ReportFigures): number[] {
  return [
    f.activeAtEnd.level2,
    f.activeAtEnd.level3,
    f.newlyIssued.level2,
    f.newlyIssued.level3,
    f.ofWhichExtensions.level2,
    f.ofWhichExtensions.level3,
  ];
}

/** The "Statistik" table: one row per organisation, then "Totalt". */
export function statisticsTable(report: MonthlyReport): ReportTable {
  return {
    headers: [...STATISTICS_HEADERS],
    rows: [
      ...report.organisations.map((o) => [o.organisationHsaId, o.organisationName, ...figureCells(o)]),
      ['Totalt', '', ...figureCells(report.totals)],
    ],
  };
}

/** The "Anledningar nivå 2" table: one row per newly issued level-2 card. */
export function reasonsTable(report: MonthlyReport): ReportTable {
  return {
    headers: [...REASON_HEADERS],
    rows: report.level2Reasons.map((r) => [
      r.cardId,
      r.cardNumber,
      r.organisationHsaId,
      r.issuedAt,
      r.reasonCode,
      sv.reason[r.reasonCode],
      r.reasonText,
    ]),
  };
}

/** The "Om rapporten" table: what the report is, for whom, and how to check it. */
export function aboutTable(report: MonthlyReport, about: ReportAbout): ReportTable {
  return {
    headers: ['Uppgift', 'Värde'],
    rows: [
      ['Rapport', 'Månadsstatistik över SITHS-reservkort'],
      ['Region eller kortdesk', about.deskName],
      ['Period', `${report.month} (${report.periodStart} – ${report.periodEnd})`],
      ['Beslut som gällde under perioden', about.decisions.map((d) => `${d.id} (${d.title})`).join('; ')],
      ['Skapad', report.generatedAt],
      ['Format', report.format],
      ['Programversion', `Kortliggaren ${about.appVersion}`],
      ['Kontrollsumma för innehållet (SHA-256)', about.contentHash],
    ],
  };
}
