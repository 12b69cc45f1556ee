import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../ipc/client';
import { NO_PAGE_ERRORS, toPageErrors, type PageErrors } from './server-errors';

const FIELDS = ['id', 'title', 'from', 'to', 'maxValidityDays', 'withoutPersonnummerUntil'] as const;

/** A new decision as the form edits it. */
export interface DraftDecision {
  id: string;
  title: string;
  from: string;
  to: string;
  maxValidityDays: number | string;
  withoutPersonnummerUntil: string;
}

const EMPTY: DraftDecision = {
  id: '',
  title: '',
  from: '',
  to: '',
  maxValidityDays: 14,
  withoutPersonnummerUntil: '',
};

/**
 * The "Nytt beslut" form: its draft, `decisions:add`, the errors under their fields, and
 * `onAdded` (the list reads again) after a decision was added.
 */
export function useDecisionForm(onAdded: () => void) {
  const { t, i18n } = useTranslation('ui');
  const api = useApi();
  const [draft, setDraft] = useState<DraftDecision>(EMPTY);
  const [errors, setErrors] = useState<PageErrors>(NO_PAGE_ERRORS);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const change = (patch: Partial<DraftDecision>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setAdded(null);
    setSaving(true);
    const until = draft.withoutPersonnummerUntil.trim();
    const result = await api['decisions:add']({
      id: draft.id.trim(),
      title: draft.title,
      from: draft.from.trim(),
      to: draft.to.trim(),
      maxValidityDays: typeof draft.maxValidityDays === 'number' ? draft.maxValidityDays : Number.NaN,
      ...(until ? { withoutPersonnummerUntil: until } : {}),
    });
    setSaving(false);
    if (result.ok) {
      setErrors(NO_PAGE_ERRORS);
      setAdded(result.value.id);
      setDraft(EMPTY);
      onAdded();
    } else {
      setErrors(toPageErrors(result.error, i18n.getFixedT(null, 'common'), FIELDS));
    }
  };

  const field = (name: (typeof FIELDS)[number]) => ({
    id: `decision-${name}`,
    label: t(`common:field.${name}`),
    error: errors.fields[name],
  });

  return { draft, errors, saving, added, change, submit, field };
}
