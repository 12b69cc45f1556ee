import { Group, Input, Radio, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HOLDER_ID_TYPES } from '../../../shared/domain/reason-codes';
import { fieldId, IDENTIFIER_COLUMN, memoSection, type SectionProps } from './section-props';

/** Tillitsnivå and card number. */
export const CardFields = memoSection(
  function CardFields({ values, errors, onChange }: SectionProps) {
    const { t } = useTranslation('ui');
    const levelId = fieldId('assuranceLevel');
    return (
      <SimpleGrid minColWidth={IDENTIFIER_COLUMN} autoFlow="auto-fit" spacing="md" verticalSpacing="md">
        <Input.Wrapper
          id={levelId}
          label={t('common:field.assuranceLevel')}
          labelElement="div"
          description={values.assuranceLevel === '2' ? t('form.level.hintTwo') : t('form.level.hintThree')}
          error={errors.assuranceLevel}
        >
          <SegmentedControl
            fullWidth
            aria-labelledby={`${levelId}-label`}
            // The hint (and an error) under the wrapper describe the radio group itself.
            aria-describedby={[errors.assuranceLevel ? `${levelId}-error` : '', `${levelId}-description`]
              .join(' ')
              .trim()}
            value={values.assuranceLevel}
            onChange={(level) => onChange({ assuranceLevel: level === '3' ? '3' : '2' })}
            data={[
              { value: '2', label: t('form.level.two') },
              { value: '3', label: t('form.level.three') },
            ]}
          />
        </Input.Wrapper>
        <TextInput
          id={fieldId('cardNumber')}
          label={t('common:field.cardNumber')}
          placeholder={t('form.cardNumberPlaceholder')}
          error={errors.cardNumber}
          value={values.cardNumber}
          onChange={(event) => onChange({ cardNumber: event.currentTarget.value })}
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
        />
      </SimpleGrid>
    );
  },
  ['assuranceLevel', 'cardNumber'],
);

/** The holder: HSA-id, name, kind of identity number and (level 2) non-planned personnel. */
export const HolderFields = memoSection(
  function HolderFields({ values, errors, onChange }: SectionProps) {
    const { t } = useTranslation('ui');
    return (
      <Stack gap="md">
        <SimpleGrid minColWidth={IDENTIFIER_COLUMN} autoFlow="auto-fit" spacing="md" verticalSpacing="md">
          <TextInput
            id={fieldId('holderHsaId')}
            label={t('common:field.holderHsaId')}
            placeholder={t('form.hsaIdPlaceholder')}
            error={errors.holderHsaId}
            value={values.holderHsaId}
            onChange={(event) => onChange({ holderHsaId: event.currentTarget.value })}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            id={fieldId('holderName')}
            label={t('common:field.holderName')}
            error={errors.holderName}
            value={values.holderName}
            onChange={(event) => onChange({ holderName: event.currentTarget.value })}
            autoComplete="off"
          />
        </SimpleGrid>
        <Radio.Group
          id={fieldId('holderIdType')}
          label={t('common:field.holderIdType')}
          error={errors.holderIdType}
          value={values.holderIdType}
          onChange={(value) => onChange({ holderIdType: value })}
        >
          <Group gap="lg" mt={6}>
            {HOLDER_ID_TYPES.map((type) => (
              <Radio key={type} value={type} label={t(`common:holderIdType.${type}`)} />
            ))}
          </Group>
        </Radio.Group>
        {values.assuranceLevel === '2' && (
          <Radio.Group
            id={fieldId('unplannedPersonnel')}
            label={t('common:field.unplannedPersonnel')}
            description={t('form.unplanned.description')}
            error={errors.unplannedPersonnel}
            value={values.unplannedPersonnel}
            onChange={(value) => onChange({ unplannedPersonnel: value })}
          >
            <Group gap="lg" mt={6}>
              <Radio value="yes" label={t('form.unplanned.yes')} />
              <Radio value="no" label={t('form.unplanned.no')} />
            </Group>
          </Radio.Group>
        )}
      </Stack>
    );
  },
  ['holderHsaId', 'holderName', 'holderIdType', 'unplannedPersonnel', 'assuranceLevel'],
);
