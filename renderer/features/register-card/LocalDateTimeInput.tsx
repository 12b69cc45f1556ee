import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { datePartOf, timePartOf } from '../../lib/time';

/** Props of {@link LocalDateTimeInput}. */
export interface LocalDateTimeInputProps {
  /** Id of the text input; its `<label>` points here. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: ReactNode;
  /** Local Stockholm time as typed, `YYYY-MM-DD HH:MM`. */
  value: string;
  onChange: (value: string) => void;
  /** Time of day used when a date is picked in an empty field. */
  defaultTime?: string;
}

/**
 * A date-time as keyboard-friendly text (`YYYY-MM-DD HH:MM`, 24 h, Stockholm time, the
 * format always named under the field) with a calendar as an optional aid. Picking a date keeps the typed time of day. The calendar
 * button is left out of the tab order: typing is the keyboard route.
 */
export function LocalDateTimeInput(props: LocalDateTimeInputProps) {
  const { id, label, description, error, value, onChange, defaultTime = '00:00' } = props;
  const { t } = useTranslation('ui');
  const [opened, setOpened] = useState(false);
  const date = datePartOf(value);

  const pick = (picked: string | null) => {
    if (!picked) return;
    onChange(`${picked} ${timePartOf(value) ?? defaultTime}`);
    setOpened(false);
    document.getElementById(id)?.focus();
  };

  const calendar = (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          tabIndex={-1}
          aria-label={t('form.time.openCalendar')}
          title={t('form.time.openCalendar')}
          onClick={() => setOpened((o) => !o)}
        >
          <IconCalendar size={18} stroke={1.6} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker value={date} defaultDate={date ?? undefined} onChange={pick} />
      </Popover.Dropdown>
    </Popover>
  );

  // The format stays under the field once it is filled (a placeholder would vanish), and
  // Mantine ties the description to the input with aria-describedby.
  const hint = (
    <>
      {t('a11y.timeFormat')}
      {description && (
        <>
          <br />
          {description}
        </>
      )}
    </>
  );

  return (
    <TextInput
      id={id}
      label={label}
      description={hint}
      error={error}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      placeholder={t('form.time.placeholder')}
      autoComplete="off"
      spellCheck={false}
      rightSection={calendar}
      rightSectionPointerEvents="all"
      styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
    />
  );
}
