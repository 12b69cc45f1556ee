import { Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REASON_CODES } from '../../../shared/domain/reason-codes';
import { LocalDateTimeInput } from './LocalDateTimeInput';
import { fieldId, memoSection, type SectionProps } from './section-props';

/** Utfärdat and giltigt till, as local Stockholm times. */
export const ValidityFields = memoSection(
  function ValidityFields({ values, errors, onChange }: SectionProps) {
    const { t } = useTranslation('ui');
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <LocalDateTimeInput
          id={fieldId('issuedAt')}
          label={t('common:field.issuedAt')}
          error={errors.issuedAt}
          value={values.issuedAt}
          onChange={(issuedAt) => onChange({ issuedAt })}
        />
        <LocalDateTimeInput
          id={fieldId('expiresAt')}
          label={t('common:field.expiresAt')}
          description={
            values.assuranceLevel === '2' ? t('form.time.expiresHintTwo') : t('form.time.expiresHintThree')
          }
          error={errors.expiresAt}
          value={values.expiresAt}
          onChange={(expiresAt) => onChange({ expiresAt })}
          defaultTime={values.issuedAt.slice(11, 16) || '00:00'}
        />
      </SimpleGrid>
    );
  },
  ['issuedAt', 'expiresAt', 'assuranceLevel'],
);

/** Why the card is handed out: a reason code and, for `other`, a description. */
export const ReasonFields = memoSection(
  function ReasonFields({ values, errors, onChange }: SectionProps) {
    const { t } = useTranslation('ui');
    const isOther = values.reasonCode === 'other';
    return (
      <Stack gap="md">
        <Select
          id={fieldId('reasonCode')}
          label={t('common:field.reasonCode')}
          placeholder={t('form.reasonPlaceholder')}
          error={errors.reasonCode}
          value={values.reasonCode || null}
          onChange={(value) => onChange({ reasonCode: value ?? '' })}
          data={REASON_CODES.map((code) => ({ value: code, label: t(`common:reason.${code}`) }))}
          allowDeselect={false}
          comboboxProps={{ shadow: 'md' }}
        />
        <Textarea
          id={fieldId('reasonText')}
          label={t('common:field.reasonText')}
          description={isOther ? t('form.reasonTextRequired') : t('form.optional')}
          error={errors.reasonText}
          value={values.reasonText}
          onChange={(event) => onChange({ reasonText: event.currentTarget.value })}
          rows={2}
        />
      </Stack>
    );
  },
  ['reasonCode', 'reasonText'],
);
