import {
  Alert,
  Box,
  Button,
  Collapse,
  Divider,
  Group,
  List,
  Paper,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertCircle, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useCallback, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../components/FormSection';
import { CardFields, HolderFields } from './CardFields';
import { EndFields } from './EndFields';
import { IssuedByFields } from './IssuedByFields';
import { OrganisationField } from './OrganisationField';
import { fieldId } from './section-props';
import type { useCardForm } from './use-card-form';
import classes from './RegisterCardPage.module.css';
import { ReasonFields, ValidityFields } from './ValidityFields';
import { VerdictPanel } from './VerdictPanel';
import { ViolationConfirmation } from './ViolationConfirmation';

/** Props of {@link RegisterCardForm}. */
export interface RegisterCardFormProps {
  /** The form's state and actions, from `useCardForm`. */
  form: ReturnType<typeof useCardForm>;
}

/**
 * Every field of a card registration (SPEC §3), grouped in sections, and the live verdict
 * (beside the fields on a wide window, under them otherwise). Enter in a text input
 * submits; the errors the back end reports appear under their inputs, and those that
 * belong to no input in a summary on top.
 */
export function RegisterCardForm({ form }: RegisterCardFormProps) {
  const { t } = useTranslation('ui');
  const section = { values: form.values, errors: form.errors.fields, onChange: form.change };
  const { change } = form;
  const setExpiry = useCallback((expiresAt: string) => change({ expiresAt }), [change]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit();
  };
  // A refusal that only asks for a justification is explained by the confirmation itself.
  const fieldsWithErrors = Object.keys(form.errors.fields).filter((f) => f !== 'violationJustification');
  const hasErrors = form.errors.general.length > 0 || fieldsWithErrors.length > 0;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('form.title')} className={classes.layout}>
      <div className={classes.errors}>
        {hasErrors && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('form.errorTitle')} mb="md">
            {t('form.errorIntro')}
            {form.errors.general.length > 0 && (
              <List size="sm" mt="xs">
                {form.errors.general.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {form.failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={t('form.errorTitle')} mb="md">
            {form.failure}
          </Alert>
        )}
      </div>
      <Paper withBorder radius="md" px="xl" py="xs" className={classes.fields}>
        <FormSection title={t('form.section.organisation')} description={t('form.section.organisationHint')}>
          <OrganisationField {...section} organisations={form.organisations} isNew={form.organisationIsNew} />
        </FormSection>
        <Divider />
        <FormSection title={t('form.section.card')} description={t('form.section.cardHint')}>
          <CardFields {...section} />
        </FormSection>
        <Divider />
        <FormSection title={t('form.section.holder')} description={t('form.section.holderHint')}>
          <HolderFields {...section} />
        </FormSection>
        <Divider />
        <FormSection title={t('form.section.validity')} description={t('form.section.validityHint')}>
          <ValidityFields {...section} />
        </FormSection>
        <Divider />
        <FormSection title={t('form.section.reason')} description={t('form.section.reasonHint')}>
          <ReasonFields {...section} />
        </FormSection>
        <Divider />
        <FormSection title={t('form.section.issuedBy')} description={t('form.section.issuedByHint')}>
          <IssuedByFields {...section} />
        </FormSection>
        <Divider />
        <FormSection
          title={
            <UnstyledButton
              onClick={() => form.setEndOpened(!form.endOpened)}
              aria-expanded={form.endOpened}
              aria-controls="card-end-section"
              fw={600}
              fz="inherit"
            >
              <Group gap={6} wrap="nowrap">
                {form.endOpened ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                {t('form.section.end')}
              </Group>
            </UnstyledButton>
          }
          description={t('form.section.endHint')}
        >
          <Collapse expanded={form.endOpened} id="card-end-section">
            <EndFields {...section} />
          </Collapse>
        </FormSection>
        <Divider />
        <FormSection title={t('form.section.note')}>
          <Textarea
            id={fieldId('note')}
            label={t('common:field.note')}
            description={t('form.optional')}
            error={form.errors.fields.note}
            value={form.values.note}
            onChange={(event) => form.change({ note: event.currentTarget.value })}
            rows={2}
          />
        </FormSection>
      </Paper>
      <Box className={classes.verdict}>
        <VerdictPanel verdict={form.verdict} onSetExpiry={setExpiry} />
      </Box>
      <Box className={classes.confirm}>
        {form.violations && (
          <ViolationConfirmation
            {...section}
            violations={form.violations}
            confirmed={form.confirmed}
            onConfirm={form.setConfirmed}
            confirmError={form.confirmError}
          />
        )}
      </Box>
      <Group justify="flex-end" mt="lg" className={classes.submit}>
        <Button type="submit" size="md" loading={form.submitting}>
          {t('form.submit')}
        </Button>
      </Group>
    </form>
  );
}
