import { Alert, Anchor, Box, Grid, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { NoDecisionBanner } from '../decisions/NoDecisionBanner';
import { routeHash } from '../../lib/hash-route';
import { RegisterCardForm } from './RegisterCardForm';
import { fieldId } from './section-props';
import { useCardForm } from './use-card-form';
import { VerdictPanel } from './VerdictPanel';

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
  // Beside the form on wide screens; above the submit button otherwise.
  const wide = useMediaQuery('(min-width: 75em)') ?? false;
  const { change } = form;
  const setExpiry = useCallback((expiresAt: string) => change({ expiresAt }), [change]);

  useEffect(() => {
    if (focusRequest > 0) document.getElementById(fieldId('organisationHsaId'))?.focus();
  }, [focusRequest]);

  return (
    <Box maw={wide ? 1440 : 1040} mx="auto">
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
      {wide ? (
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={8}>
            <RegisterCardForm form={form} wide />
          </Grid.Col>
          <Grid.Col
            span={4}
            style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 60px) + 16px)' }}
          >
            <VerdictPanel verdict={form.verdict} onSetExpiry={setExpiry} />
          </Grid.Col>
        </Grid>
      ) : (
        <RegisterCardForm form={form} />
      )}
    </Box>
  );
}
