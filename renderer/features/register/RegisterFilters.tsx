import { Combobox, Group, Input, SegmentedControl, Select, TextInput, type SelectProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import { listRecentMonths } from '../../lib/time';

/** How many months back the month filter reaches. */
const MONTHS_BACK = 24;
const ALL = 'all';

/** The filters of the register, as the toolbar edits them. */
export interface RegisterFilterValues {
  search: string;
  month: string | null;
  level: 2 | 3 | null;
  organisationHsaId: string | null;
  /** Only cards with a violation, or with any finding; null for all. */
  findings: 'violation' | 'any' | null;
}

/** Props of {@link RegisterFilters}. */
export interface RegisterFiltersProps {
  value: RegisterFilterValues;
  onChange: (patch: Partial<RegisterFilterValues>) => void;
  organisations: Organisation[];
  /** The search input, so Ctrl/Cmd+F can focus it. */
  searchRef: RefObject<HTMLInputElement | null>;
  /** Start of "now" for the list of months. */
  now: number;
}

// One formatter per language: creating an Intl formatter costs more than formatting with it.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthLabel(month: string, language: string): string {
  const [year, m] = month.split('-').map(Number);
  let format = monthFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(language, format);
  }
  const text = format.format(Date.UTC(year ?? 1970, (m ?? 1) - 1, 1));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A filter's select. Until `live`, a look-alike of the closed select stands in for it: a
 * Mantine Select is a combobox, a popover and an input, and the three of the register took
 * a fifth of the work before its first rows appeared. The real one replaces it in the
 * background render just after the first frame, before anyone can reach for it.
 */
function FilterSelect({
  live,
  ...props
}: SelectProps & { live: boolean; data: { value: string; label: string }[] }) {
  if (live) return <Select {...props} />;
  return (
    <Input
      component="div"
      aria-hidden
      w={props.w}
      pointer
      rightSection={<Combobox.Chevron />}
      rightSectionPointerEvents="none"
    >
      {props.data.find((option) => option.value === props.value)?.label}
    </Input>
  );
}

/** Search box and filters (month, level, organisation, findings) above the register. */
export function RegisterFilters({ value, onChange, organisations, searchRef, now }: RegisterFiltersProps) {
  const { t, i18n } = useTranslation('ui');
  const language = i18n.language;
  // The selects (see FilterSelect) and their option lists come in a background render just
  // after the first frame, so the register's rows wait neither for 24 month names (the
  // first Intl formatter alone costs tens of milliseconds) nor for 300 organisations, whose
  // options Mantine keeps mounted. A list whose filter is set is filled at once, for the
  // stand-in's label.
  const listsFilled = useDeferredValue(true, false);
  const months = useMemo(
    () => [
      { value: ALL, label: t('register.filter.allMonths') },
      ...(listsFilled || value.month !== null
        ? listRecentMonths(now, MONTHS_BACK).map((month) => ({
            value: month,
            label: monthLabel(month, language),
          }))
        : []),
    ],
    [listsFilled, value.month, now, language, t],
  );
  const organisationOptions = useMemo(
    () => [
      { value: ALL, label: t('register.filter.allOrganisations') },
      ...(listsFilled || value.organisationHsaId !== null
        ? organisations.map((o) => ({ value: o.hsaId, label: o.name }))
        : []),
    ],
    [listsFilled, value.organisationHsaId, organisations, t],
  );

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        ref={searchRef}
        type="search"
        aria-label={t('register.searchLabel')}
        placeholder={t('register.searchPlaceholder')}
        leftSection={<IconSearch size={16} stroke={1.8} />}
        value={value.search}
        onChange={(event) => onChange({ search: event.currentTarget.value })}
        style={{ flex: '1 1 280px' }}
        maw={460}
      />
      <FilterSelect
        live={listsFilled}
        aria-label={t('register.filter.month')}
        data={months}
        value={value.month ?? ALL}
        onChange={(month) => onChange({ month: month && month !== ALL ? month : null })}
        allowDeselect={false}
        w={170}
        comboboxProps={{ shadow: 'md' }}
        maxDropdownHeight={320}
      />
      <SegmentedControl
        aria-label={t('register.filter.level')}
        value={value.level ? String(value.level) : ALL}
        onChange={(level) => onChange({ level: level === '2' ? 2 : level === '3' ? 3 : null })}
        data={[
          { value: ALL, label: t('register.filter.allLevels') },
          { value: '2', label: t('form.level.two') },
          { value: '3', label: t('form.level.three') },
        ]}
      />
      <FilterSelect
        live={listsFilled}
        aria-label={t('register.filter.organisation')}
        data={organisationOptions}
        value={value.organisationHsaId ?? ALL}
        onChange={(hsaId) => onChange({ organisationHsaId: hsaId && hsaId !== ALL ? hsaId : null })}
        allowDeselect={false}
        searchable
        w={220}
        comboboxProps={{ shadow: 'md' }}
        nothingFoundMessage={t('form.organisation.nothingFound')}
      />
      <FilterSelect
        live={listsFilled}
        aria-label={t('verdict.filter.label')}
        data={[
          { value: ALL, label: t('verdict.filter.all') },
          { value: 'violation', label: t('verdict.filter.violation') },
          { value: 'any', label: t('verdict.filter.any') },
        ]}
        value={value.findings ?? ALL}
        onChange={(findings) =>
          onChange({ findings: findings === 'violation' || findings === 'any' ? findings : null })
        }
        allowDeselect={false}
        w={230}
        comboboxProps={{ shadow: 'md' }}
      />
    </Group>
  );
}
