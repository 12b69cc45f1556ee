import { Alert, Anchor, Box, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { NoDecisionBanner } from '../decisions/NoDecisionBanner';
import { routeHash } from '../../lib/hash-route';
import { useFocusTarget } from '../../lib/page-focus';
import { RegisterCardForm } from './RegisterCardForm';
import classes from './RegisterCardPage.module.css';
import { fieldId } from './section-props';
import { useCardForm } from './use-card-form';

const firstField = () => document.getElementById(fieldId('organisationHsaId'));

/** The page where the desk registers a reserve card it hands out. */
export function RegisterCardPage() {
  const { t } = useTranslation('ui');
  const form = useCardForm();
  const registered = form.registered;
  // Ctrl/Cmd+N and the menu's "new card" start at the first field.
  useFocusTarget('first-field', firstField);

  return (
    <Box className={classes.page}>
      <PageHeader title={t('form.title')} description={t('form.intro')} />
      <NoDecisionBanner />
      {registered && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck />}
          title={t('form.successTitle')}
          withCloseButton
          closeButtonLabel={t('form.dismiss')}
          onClose={form.dismissRegistered}
          mb="md"
          role="status"
        >
          <Text size="sm">
            {t('form.successBody', { cardNumber: registered.cardNumber, holderName: registered.holderName })}{' '}
            <Anchor href={routeHash({ page: 'register', cardId: registered.id })} size="sm" fw={500}>
              {t('form.showInRegister')}
            </Anchor>
          </Text>
        </Alert>
      )}
      <RegisterCardForm form={form} />
    </Box>
  );
}
