import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../ipc/client';
import { useChannel } from '../../ipc/use-channel';
import { NO_PAGE_ERRORS, toPageErrors, type PageErrors } from '../decisions/server-errors';

const KNOWN = [
  'officeHours.start',
  'officeHours.end',
  'officeHours',
  'closedDays',
  'expiringSoonHours',
  'deskName',
  'deskUser',
] as const;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The settings as the form edits them (the expiring-soon window as typed). */
export interface SettingsDraft {
  deskName: string;
  deskUser: string;
  start: string;
  end: string;
  closedDays: string[];
  expiringSoonHours: number | string;
}

/**
 * Everything Inställningar does with its form: reads the settings and the desk, keeps the
 * draft, adds closed days, and saves — the rules through `settings:update`, a changed desk
 * name or user through `setup:complete`.
 */
export function useSettingsForm() {
  const { t, i18n } = useTranslation('ui');
  const api = useApi();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [stored, setStored] = useState<{ deskName: string; deskUser: string } | null>(null);
  const [newDay, setNewDay] = useState('');
  const [newDayError, setNewDayError] = useState<string | null>(null);
  const [errors, setErrors] = useState<PageErrors>(NO_PAGE_ERRORS);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const { error: loadError } = useChannel(
    async (api) => {
      const [settings, setup] = await Promise.all([api['settings:get']({}), api['setup:status']({})]);
      if (!settings.ok) return settings;
      if (!setup.ok) return setup;
      return { ok: true, value: { settings: settings.value, setup: setup.value } };
    },
    [],
    {
      onData: ({ settings, setup }) => {
        const desk = { deskName: setup.deskName ?? '', deskUser: setup.deskUser ?? '' };
        setStored(desk);
        setDraft({
          ...desk,
          start: settings.officeHours.start,
          end: settings.officeHours.end,
          closedDays: settings.closedDays,
          expiringSoonHours: settings.expiringSoonHours,
        });
      },
    },
  );

  const change = (patch: Partial<SettingsDraft>) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };

  const addDay = () => {
    if (!draft) return;
    const day = newDay.trim();
    if (!DATE_RE.test(day)) {
      setNewDayError(t('settings.dateFormat'));
      return;
    }
    setNewDayError(null);
    if (!draft.closedDays.includes(day)) change({ closedDays: [...draft.closedDays, day].sort() });
    setNewDay('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || !draft || !stored) return;
    setSaving(true);
    setSaved(false);
    const common = i18n.getFixedT(null, 'common');
    const officeHours = { start: draft.start.trim(), end: draft.end.trim() };
    const hours = draft.expiringSoonHours;
    const result = await api['settings:update']({
      officeHours,
      closedDays: draft.closedDays,
      expiringSoonHours: typeof hours === 'number' ? hours : null,
    });
    let next = result.ok ? NO_PAGE_ERRORS : toPageErrors(result.error, common, KNOWN);
    const deskChanged = draft.deskName !== stored.deskName || draft.deskUser !== stored.deskUser;
    if (result.ok && deskChanged) {
      const setup = await api['setup:complete']({
        deskName: draft.deskName,
        deskUser: draft.deskUser,
        officeHours,
      });
      if (setup.ok) setStored({ deskName: draft.deskName, deskUser: draft.deskUser });
      else next = toPageErrors(setup.error, common, KNOWN);
    }
    setSaving(false);
    setErrors(next);
    setSaved(next === NO_PAGE_ERRORS);
  };

  return {
    failed: loadError !== null,
    draft: draft && stored ? draft : null,
    errors,
    saving,
    saved,
    newDay,
    setNewDay,
    newDayError,
    change,
    addDay,
    submit,
  };
}

/** What {@link useSettingsForm} gives its views. */
export type SettingsForm = ReturnType<typeof useSettingsForm>;

/** The form once its settings are read: what the field groups get. */
export type LoadedSettingsForm = SettingsForm & { draft: SettingsDraft };
