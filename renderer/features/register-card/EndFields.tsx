import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { END_REASONS } from '../../../shared/domain/reason-codes';
import { LocalDateTimeInput } from './LocalDateTimeInput';
import { fieldId, memoSection, type SectionProps } from './section-props';

/** Optional: the registration this one extends, and an end that has already happened. */
export const EndFields = memoSection(
  function EndFields({ values, errors, onChange }: SectionProps) {
    const { t } = useTranslation('ui');
    return (
      <Stack gap="md">
        <TextInput
          id={fieldId('extendsCardId')}
          label={t('common:field.extendsCardId')}
          description={t('form.optional')}
          placeholder={t('form.extendsCardIdPlaceholder')}
          error={errors.extendsCardId}
          value={values.extendsCardId}
          onChange={(event) => onChange({ extendsCardId: event.currentTarget.value })}
          autoComplete="off"
          spellCheck={false}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
          <LocalDateTimeInput
            id={fieldId('endedAt')}
            label={t('common:field.endedAt')}
            description={t('form.optional')}
            error={errors.endedAt}
            value={values.endedAt}
            onChange={(endedAt) => onChange({ endedAt })}
          />
          <Select
            id={fieldId('endReason')}
            label={t('common:field.endReason')}
            description={t('form.optional')}
            placeholder={t('form.endReasonPlaceholder')}
            error={errors.endReason}
            value={values.endReason || null}
            onChange={(value) => onChange({ endReason: value ?? '' })}
            data={END_REASONS.map((reason) => ({ value: reason, label: t(`common:endReason.${reason}`) }))}
            clearable
            comboboxProps={{ shadow: 'md' }}
          />
        </SimpleGrid>
      </Stack>
    );
  },
  ['extendsCardId', 'endedAt', 'endReason'],
);
