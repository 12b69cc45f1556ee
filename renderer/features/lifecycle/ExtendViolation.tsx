import { Alert, List, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExtendCard, ExtensionDraft } from './use-extend-card';

/** Props of {@link ExtendViolation}. */
export interface ExtendViolationProps {
  violations: ExtendCard['violations'];
  draft: ExtensionDraft;
  errors: ExtendCard['errors'];
  change: ExtendCard['change'];
}

/**
 * The rules the extension breaks and the justification they need; shown once the back end
 * refused for want of one.
 */
export function ExtendViolation({ violations, draft, errors, change }: ExtendViolationProps) {
  const { t } = useTranslation('ui');
  if (violations === null && !errors.fields.violationJustification) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('lifecycle.violationTitle')}>
      {violations && violations.length > 0 && (
        <List size="sm" spacing={4} mb="sm">
          {violations.map((finding) => (
            <List.Item key={finding.code}>
              {t(`findings:${finding.code}`, { ...finding.params, defaultValue: finding.message })}
            </List.Item>
          ))}
        </List>
      )}
      <Textarea
        label={t('lifecycle.justification')}
        description={t('lifecycle.violationHint')}
        value={draft.violationJustification}
        onChange={(event) => change({ violationJustification: event.currentTarget.value })}
        error={draft.violationJustification.trim() ? undefined : errors.fields.violationJustification}
        rows={3}
      />
    </Alert>
  );
}
