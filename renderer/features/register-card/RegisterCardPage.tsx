import { Alert, Anchor, Box, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { routeHash } from '../../lib/hash-route';
import { RegisterCardForm } from './RegisterCardForm';
import { fieldId } from './section-props';
import { useCardForm } from './use-card-form';

/** Props of {@link RegisterCardPage}. */
export interface RegisterCardPageProps {
  /** Changes whenever the user asks for a new card (Ctrl/Cmd+N, the menu): focus the first field. */
  focusRequest?: number;
}

/** The page where the desk registers a reserve card it hands out. */
export function RegisterCardPage({ focusRequest = 0 }: RegisterCardPageProps) {
  const { t } = useTranslation('ui');
  const form = useCardForm();
  const registered = form.registered;

  useEffect(() => {
    if (focusRequest > 0) document.getElementById(fieldId('organisationHsaId'))?.focus();
  }, [focusRequest]);

  return (
    <Box maw={1040} mx="auto">
      <PageHeader title={t('form.title')} description={t('form.intro')} />
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
