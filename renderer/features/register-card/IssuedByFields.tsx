import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId, IDENTIFIER_COLUMN, memoSection, type SectionProps } from './section-props';

/** One or two ID administrators (issuedBy[0] and issuedBy[1]). */
export const IssuedByFields = memoSection(
  function IssuedByFields({ values, errors, onChange }: SectionProps) {
    const { t } = useTranslation('ui');
    return (
      <SimpleGrid minColWidth={IDENTIFIER_COLUMN} autoFlow="auto-fit" spacing="md" verticalSpacing="md">
        <TextInput
          id={fieldId('administrator1')}
          label={t('common:field.issuedBy')}
          description={t('form.admin1Hint')}
          error={errors.administrator1}
          value={values.administrator1}
          onChange={(event) => onChange({ administrator1: event.currentTarget.value })}
          autoComplete="off"
        />
        <TextInput
          id={fieldId('administrator2')}
          label={t('form.admin2Label')}
          description={values.assuranceLevel === '3' ? t('form.admin2Hint') : t('form.optional')}
          error={errors.administrator2}
          value={values.administrator2}
          onChange={(event) => onChange({ administrator2: event.currentTarget.value })}
          autoComplete="off"
        />
      </SimpleGrid>
    );
  },
  ['administrator1', 'administrator2', 'assuranceLevel'],
);
