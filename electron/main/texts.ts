import type { Language } from '../../shared/i18n';
import { en as commonEn } from '../../shared/i18n/en';
import { sv as commonSv } from '../../shared/i18n/sv';
import type { ErrorCode } from '../../shared/ipc/result';

/**
 * The few strings the main process shows itself (menu, dialogs). They live here rather
 * than in the i18next resources because the menu is built before any UI exists and must
 * not pull the translation runtime into the main bundle's start-up path.
 */
export interface MainTexts {
  file: string;
  newCard: string;
  monthlyReport: string;
  backup: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  search: string;
  reload: string;
  devTools: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  fullScreen: string;
  help: string;
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  aboutDetail: (version: string, dataDir: string) => string;
  openDataDir: string;
  ok: string;
  startupFailedTitle: string;
  startupFailed: (reason: string) => string;
  /** What a fault of the disk, the file system or SQLite means, and what to do (`error.<code>`). */
  fault: (code: ErrorCode) => string;
  /** The data folder set by IT cannot be used (the machine-wide config file is broken). */
  dataDirFailed: (reason: string) => string;
  /** The save dialog of the monthly report export. */
  saveReportTitle: string;
  saveReportFilter: { json: string; xlsx: string; csv: string };
}

const sv: MainTexts = {
  file: 'Arkiv',
  newCard: 'Ny registrering',
  monthlyReport: 'Månadsrapport',
  backup: 'Säkerhetskopiera…',
  quit: 'Avsluta',
  edit: 'Redigera',
  undo: 'Ångra',
  redo: 'Gör om',
  cut: 'Klipp ut',
  copy: 'Kopiera',
  paste: 'Klistra in',
  selectAll: 'Markera allt',
  view: 'Visa',
  search: 'Sök',
  reload: 'Ladda om',
  devTools: 'Verktyg för utvecklare',
  zoomIn: 'Zooma in',
  zoomOut: 'Zooma ut',
  resetZoom: 'Återställ zoom',
  fullScreen: 'Helskärm',
  help: 'Hjälp',
  about: 'Om Kortliggaren',
  hide: 'Göm Kortliggaren',
  hideOthers: 'Göm övriga',
  showAll: 'Visa alla',
  aboutDetail: (version, dataDir) => `Version ${version}\n\nDatamapp:\n${dataDir}`,
  openDataDir: 'Öppna datamappen',
  ok: 'OK',
  startupFailedTitle: 'Kortliggaren kunde inte starta',
  startupFailed: (reason) => `Registret kunde inte öppnas.\n\n${reason}`,
  fault: (code) => commonSv.error[code],
  dataDirFailed: (reason) =>
    `Datamappen som IT har angett i konfigurationsfilen kan inte användas. Kontakta IT-supporten.\n\n${reason}`,
  saveReportTitle: 'Spara månadsrapport',
  saveReportFilter: { json: 'JSON', xlsx: 'Excel-arbetsbok', csv: 'CSV (två filer)' },
};

const en: MainTexts = {
  file: 'File',
  newCard: 'New registration',
  monthlyReport: 'Monthly report',
  backup: 'Back up…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select all',
  view: 'View',
  search: 'Search',
  reload: 'Reload',
  devTools: 'Developer tools',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  resetZoom: 'Reset zoom',
  fullScreen: 'Full screen',
  help: 'Help',
  about: 'About Kortliggaren',
  hide: 'Hide Kortliggaren',
  hideOthers: 'Hide others',
  showAll: 'Show all',
  aboutDetail: (version, dataDir) => `Version ${version}\n\nData folder:\n${dataDir}`,
  openDataDir: 'Open data folder',
  ok: 'OK',
  startupFailedTitle: 'Kortliggaren could not start',
  startupFailed: (reason) => `The register could not be opened.\n\n${reason}`,
  fault: (code) => commonEn.error[code],
  dataDirFailed: (reason) =>
    `The data folder set by IT in the config file cannot be used. Contact IT support.\n\n${reason}`,
  saveReportTitle: 'Save monthly report',
  saveReportFilter: { json: 'JSON', xlsx: 'Excel workbook', csv: 'CSV (two files)' },
};

/** The main-process texts in one language (Swedish unless asked otherwise). */
export function getMainTexts(language: Language = 'sv'): MainTexts {
  return language === 'en' ? en : sv;
}
