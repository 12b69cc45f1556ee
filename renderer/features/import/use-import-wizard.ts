import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../ipc/client';
import { duplicateTargets, matchColumns, missingRequired, type ColumnTarget } from './column-matching';
import { extendedElsewhere, previewChunks, summarise, type WizardRow } from './import-preview';
import { withHeaderAt, type ParsedFile, type ParseFailure } from './parse-file';
import { readImportFile } from './read-import-file';
import { toImportRows } from './to-import-rows';

/** The wizard's steps: file, columns, preview, result. */
export type Step = 0 | 1 | 2 | 3;

/**
 * Everything the import wizard does: reads the file, matches its columns, checks the rows
 * through import:preview (in parts, a later check overriding an earlier one), removes and
 * restores rows, and imports all or nothing, placing refused rows' errors on their rows.
 */
export function useImportWizard() {
  const { t } = useTranslation('ui');
  const api = useApi();
  const [step, setStep] = useState<Step>(0);
  const [reading, setReading] = useState<{ name: string; progress: number } | null>(null);
  const [parseErrors, setParseErrors] = useState<ParseFailure[]>([]);
  const [file, setFile] = useState<(ParsedFile & { name: string }) | null>(null);
  const [mapping, setMapping] = useState<ColumnTarget[]>([]);
  const [rows, setRows] = useState<WizardRow[]>([]);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const [result, setResult] = useState<{ imported: number; unchanged: number } | null>(null);
  const run = useRef(0);

  // Each step starts at the top, where its progress and summary are.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [step]);

  const chooseFile = useCallback(async (chosen: File) => {
    setParseErrors([]);
    setReading({ name: chosen.name, progress: 0 });
    const outcome = await readImportFile(chosen, (progress) =>
      setReading((r) => (r ? { ...r, progress } : r)),
    );
    setReading(null);
    if (!outcome.ok) {
      setParseErrors(outcome.errors);
      return;
    }
    setFile({ ...outcome.file, name: chosen.name });
    setMapping(matchColumns(outcome.file.header));
    setStep(1);
  }, []);

  // Another line taken as the header row: the columns are matched again from its names.
  const chooseHeader = (headerIndex: number) => {
    if (!file) return;
    const next = { ...withHeaderAt(file, headerIndex), name: file.name };
    setFile(next);
    setMapping(matchColumns(next.header));
  };

  const errorText = useCallback(
    (error: { code: string; message: string }) =>
      t(`common:error.${error.code}`, { defaultValue: error.message }),
    [t],
  );

  /** Checks the rows not removed through import:preview: at once up to 5 000, in parts above. */
  const validate = useCallback(
    async (current: WizardRow[]) => {
      const id = ++run.current;
      const kept = current.flatMap((row, index) => (row.removed ? [] : [index]));
      const next = current.map((row): WizardRow => ({ ...row, check: undefined }));
      setRows(next);
      setStale(false);
      setFailure(null);
      setChecking({ done: 0, total: kept.length });
      for (const { start, end } of previewChunks(kept.length)) {
        const part = kept.slice(start, end);
        const fileIds = extendedElsewhere(current, kept, part);
        const answer = await api['import:preview']({
          rows: part.map((i) => current[i]!.values),
          ...(fileIds.length > 0 ? { fileIds } : {}),
        });
        if (run.current !== id) return;
        if (!answer.ok) {
          setFailure(errorText(answer.error));
          setChecking(null);
          return;
        }
        for (const preview of answer.value) {
          const index = part[preview.row - 1];
          if (index === undefined) continue;
          next[index] = { ...next[index]!, check: { errors: preview.errors, findings: preview.findings } };
        }
        setRows([...next]);
        setChecking({ done: end, total: kept.length });
      }
      setChecking(null);
    },
    [api, errorText],
  );

  const toPreview = () => {
    if (!file) return;
    const values = toImportRows(
      file.records.map((r) => r.cells),
      mapping,
    );
    const built = file.records.map((r, i) => ({ source: r.row, values: values[i]!, removed: false }));
    setStep(2);
    void validate(built);
  };

  const setRemoved = (pick: (row: WizardRow, index: number) => boolean, removed: boolean) => {
    setRows((current) => current.map((row, i) => (pick(row, i) ? { ...row, removed } : row)));
    setStale(true);
  };

  const commit = async () => {
    const kept = rows.flatMap((row, index) => (row.removed ? [] : [index]));
    setCommitting(true);
    setFailure(null);
    const answer = await api['import:commit']({ rows: kept.map((i) => rows[i]!.values) });
    setCommitting(false);
    if (answer.ok) {
      setResult(answer.value);
      setStep(3);
      return;
    }
    // Refused rows come back with their position in what was sent as `params.row`.
    const fields = answer.error.fields ?? [];
    if (fields.length === 0) {
      setFailure(errorText(answer.error));
      return;
    }
    const next: WizardRow[] = rows.map((row) =>
      row.check ? { ...row, check: { ...row.check, errors: [] } } : row,
    );
    for (const { params, ...e } of fields) {
      const index = kept[Number(params?.row) - 1];
      if (index === undefined) continue;
      const { row: _row, ...rest } = params ?? {};
      const target = next[index]!;
      next[index] = {
        ...target,
        check: {
          findings: target.check?.findings ?? [],
          errors: [
            ...(target.check?.errors ?? []),
            { ...e, ...(Object.keys(rest).length ? { params: rest } : {}) },
          ],
        },
      };
    }
    setRows(next);
    setFailure(t('importWizard.commit.failedHint'));
  };

  const startOver = () => {
    run.current++;
    setStep(0);
    setFile(null);
    setRows([]);
    setResult(null);
    setFailure(null);
    setStale(false);
    setChecking(null);
  };

  const summary = summarise(rows);
  const mappingBlocked =
    (file?.problems.length ?? 0) > 0 ||
    missingRequired(mapping).length > 0 ||
    duplicateTargets(mapping).length > 0;
  const importBlocked =
    checking !== null || stale || summary.count === 0 || summary.errors > 0 || summary.unchecked > 0;

  return {
    step,
    setStep,
    file,
    reading,
    parseErrors,
    chooseFile,
    chooseHeader,
    mapping,
    setMapping,
    rows,
    checking,
    stale,
    failure,
    setRemoved,
    validate,
    committing,
    summary,
    result,
    startOver,
    mappingBlocked,
    toPreview,
    importBlocked,
    commit,
  };
}
