import { Combobox, Group, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { IconBuildingHospital, IconPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/domain/organisation';
import { fieldId, memoSection, type SectionProps } from './section-props';

const MAX_OPTIONS = 50;
const NEW_OPTION = '\u0000new';

/** Props of {@link OrganisationField}. */
export interface OrganisationFieldProps extends SectionProps {
  /** The organisations already in the register; null while they are loading. */
  organisations: Organisation[] | null;
  /** True when the typed text is an HSA-id not in the register: "new" is offered and the name asked for. */
  isNew: boolean;
}

/**
 * The organisation's HSA-id with a searchable list of known organisations (by name or
 * HSA-id). An HSA-id that is not in the register is offered as a new organisation, and
 * then its name is asked for.
 */
export const OrganisationField = memoSection(
  function OrganisationField({ values, errors, onChange, organisations, isNew }: OrganisationFieldProps) {
    const { t } = useTranslation('ui');
    const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
    const typed = values.organisationHsaId.trim();
    const query = typed.toLowerCase();
    const known = organisations?.find((o) => o.hsaId === typed.toUpperCase());
    const matches = (organisations ?? [])
      .filter((o) => !query || o.hsaId.toLowerCase().includes(query) || o.name.toLowerCase().includes(query))
      .slice(0, MAX_OPTIONS);
    const offerNew = isNew;
    const hasOptions = matches.length > 0 || offerNew;
    // An open list with nothing in it would tell a screen reader "expanded" over nothing.
    useEffect(() => {
      if (!hasOptions) combobox.closeDropdown();
    }, [hasOptions, combobox]);

    const choose = (value: string) => {
      combobox.closeDropdown();
      if (value === NEW_OPTION) {
        document.getElementById(fieldId('organisationName'))?.focus();
        return;
      }
      onChange({ organisationHsaId: value });
    };

    return (
      <Stack gap="md">
        <Combobox store={combobox} onOptionSubmit={choose} withinPortal>
          {/* A combobox to assistive technology: role, aria-expanded, aria-controls and the
              active option (aria-activedescendant) as the arrow keys move through the list. */}
          <Combobox.Target withExpandedAttribute>
            <TextInput
              aria-autocomplete="list"
              id={fieldId('organisationHsaId')}
              label={t('common:field.organisationHsaId')}
              placeholder={t('form.organisation.placeholder')}
              description={known ? known.name : undefined}
              error={errors.organisationHsaId}
              value={values.organisationHsaId}
              autoComplete="off"
              spellCheck={false}
              leftSection={<IconBuildingHospital size={18} stroke={1.6} />}
              onChange={(event) => {
                onChange({ organisationHsaId: event.currentTarget.value });
                combobox.openDropdown();
                combobox.updateSelectedOptionIndex();
              }}
              onClick={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={!hasOptions}>
            <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
              {offerNew && (
                <Combobox.Option value={NEW_OPTION}>
                  <Group gap="xs" wrap="nowrap">
                    <IconPlus size={16} />
                    <Text size="sm">{t('form.organisation.newOption', { hsaId: typed })}</Text>
                  </Group>
                </Combobox.Option>
              )}
              {matches.map((o) => (
                <Combobox.Option value={o.hsaId} key={o.hsaId} active={o.hsaId === typed.toUpperCase()}>
                  <Text size="sm">{o.name}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {o.hsaId}
                  </Text>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
        {offerNew && (
          <TextInput
            id={fieldId('organisationName')}
            label={t('common:field.organisationName')}
            description={t('form.organisation.newHint')}
            error={errors.organisationName}
            value={values.organisationName}
            onChange={(event) => onChange({ organisationName: event.currentTarget.value })}
          />
        )}
      </Stack>
    );
  },
  ['organisationHsaId', 'organisationName'],
);
