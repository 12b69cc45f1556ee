import { Alert, Checkbox, Stack, Textarea } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FindingOut } from '../../../shared/ipc/contract';
import { fieldId, memoSection, type SectionProps } from './section-props';
import { CONFIRM_ID } from './use-card-form';

/** Props of {@link ViolationConfirmation}. */
export interface ViolationConfirmationProps extends SectionProps {
  /** The rule breaches to confirm (their reasons are shown in the verdict). */
  violations: FindingOut[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  /** True after a save was tried without the confirmation. */
  confirmError: boolean;
}

/**
 * Shown above the submit button while the card breaks a rule (SPEC §4: findings never
 * block, but a violation needs an explicit confirmation): a checkbox and a justification
 * that is saved with the card and in the audit log.
 */
export const ViolationConfirmation = memoSection(
  function ViolationConfirmation(props: ViolationConfirmationProps) {
    const { values, errors, onChange, confirmed, onConfirm, confirmError } = props;
    const { t } = useTranslation('ui');
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertOctagon />}
        title={t('verdict.confirmTitle')}
        mt="lg"
        aria-label={t('verdict.confirmTitle')}
      >
        <Stack gap="sm">
          <Checkbox
            id={CONFIRM_ID}
            label={t('verdict.confirm')}
            checked={confirmed}
            onChange={(event) => onConfirm(event.currentTarget.checked)}
            error={confirmError ? t('verdict.confirmRequired') : undefined}
            color="red"
          />
          <Textarea
            id={fieldId('violationJustification')}
            label={t('common:field.violationJustification')}
            description={t('form.violation.hint')}
            error={errors.violationJustification}
            value={values.violationJustification}
            onChange={(event) => onChange({ violationJustification: event.currentTarget.value })}
            rows={3}
          />
        </Stack>
      </Alert>
    );
  },
  ['violationJustification'],
);
