import type { TFunction } from 'i18next';
import type { ParseFailure } from './parse-file';

/**
 * A problem with a file's structure as a desk reads it: the message (a key under
 * `importWizard.parseError` or `common:validation`), prefixed with the data row, the
 * header row or the line of the file it is in.
 */
export function describeParseFailure(t: TFunction<'ui'>, e: ParseFailure): string {
  const message = t(`importWizard.parseError.${e.message}`, {
    defaultValue: t(`common:validation.${e.message}`, { ...e.params, defaultValue: e.message }),
  });
  if (e.line !== undefined) return t('importSource.lineError', { line: e.line, message });
  if (e.row === 'header') return t('importWizard.file.headerError', { message });
  if (typeof e.row === 'number') return t('importWizard.file.rowError', { row: e.row, message });
  return message;
}
