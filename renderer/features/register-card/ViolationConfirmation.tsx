import { Alert, List, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FindingOut } from '../../../shared/ipc/contract';
import { fieldId, memoSection, type SectionProps } from './section-props';

/** Props of {@link ViolationConfirmation}. */
export interface ViolationConfirmationProps extends SectionProps {
  /** The rule breaches to confirm, from `findings:preview`. */
  violations: FindingOut[];
}

/**
 * Shown when the back end refuses a card that breaks a rule until it is confirmed (SPEC §4:
 * findings never block, but a violation needs an explicit confirmation): what is broken,
 * and a justification that is saved with the card.
 */
export const ViolationConfirmation = memoSection(
  function ViolationConfirmation({ values, errors, onChange, violations }: ViolationConfirmationProps) {
    const { t } = useTranslation('ui');
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle />}
        title={t('form.violation.title')}
        mt="lg"
      >
        {violations.length > 0 && (
          <List size="sm" spacing={4} mb="sm">
            {violations.map((finding) => (
              <List.Item key={finding.code}>
                {t(`findings:${finding.code}`, { ...finding.params, defaultValue: finding.message })}
              </List.Item>
            ))}
          </List>
        )}
        <Textarea
          id={fieldId('violationJustification')}
          label={t('common:field.violationJustification')}
          description={t('form.violation.hint')}
          error={errors.violationJustification}
          value={values.violationJustification}
          onChange={(event) => onChange({ violationJustification: event.currentTarget.value })}
          rows={3}
        />
      </Alert>
    );
  },
  ['violationJustification'],
);
