import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../shared/ipc/contract';
import { useApi } from './ipc/client';
import { AppLayout } from './components/AppLayout';
import { HealthBanner } from './components/HealthBanner';
import { RegisterPage } from './features/register/RegisterPage';
import { SetupModal } from './features/setup/SetupModal';
import { useExpiryNotification } from './features/review/use-expiry-notification';
import { useHashRoute } from './lib/hash-route';
import { useAppCommands } from './lib/use-app-commands';

// The register is in the first bundle; every other page loads when first opened, so the
// start parses neither the form's validation, the report's charts nor the import wizard.
const RegisterCardPage = lazy(() =>
  import('./features/register-card/RegisterCardPage').then((m) => ({ default: m.RegisterCardPage })),
);
const ReportPage = lazy(() =>
  import('./features/report/ReportPage').then((m) => ({ default: m.ReportPage })),
);
const ReviewPage = lazy(() =>
  import('./features/review/ReviewPage').then((m) => ({ default: m.ReviewPage })),
);
const AuditPage = lazy(() => import('./features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const DecisionsPage = lazy(() =>
  import('./features/decisions/DecisionsPage').then((m) => ({ default: m.DecisionsPage })),
);
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const ImportPage = lazy(() =>
  import('./features/import/ImportPage').then((m) => ({ default: m.ImportPage })),
);

function PageLoading() {
  return (
    <Center py="xl">
      <Loader size="sm" />
    </Center>
  );
}

/** The whole UI: the frame, the page the address points at, and the app-wide commands. */
export function App() {
  const api = useApi();
  const [route, navigate] = useHashRoute();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [formFocus, setFormFocus] = useState(0);
  const [searchFocus, setSearchFocus] = useState(0);

  useEffect(() => {
    void api['app:info']({}).then((result) => {
      if (result.ok) setInfo(result.value);
    });
  }, [api]);

  const newCard = useCallback(() => {
    navigate({ page: 'register-card' });
    setFormFocus((n) => n + 1);
  }, [navigate]);

  useExpiryNotification(() => navigate({ page: 'review' }));

  useAppCommands({
    'new-card': newCard,
    'monthly-report': () => navigate({ page: 'report' }),
    search: () => {
      navigate({ page: 'register', cardId: null });
      setSearchFocus((n) => n + 1);
    },
  });

  const openCard = useCallback((cardId: string | null) => navigate({ page: 'register', cardId }), [navigate]);

  return (
    <AppLayout route={route} info={info}>
      <HealthBanner />
      <SetupModal />
      <Suspense fallback={<PageLoading />}>
        {route.page === 'report' ? (
          <ReportPage />
        ) : route.page === 'review' ? (
          <ReviewPage />
        ) : route.page === 'audit' ? (
          <AuditPage />
        ) : route.page === 'decisions' ? (
          <DecisionsPage />
        ) : route.page === 'settings' ? (
          <SettingsPage />
        ) : route.page === 'import' ? (
          <ImportPage />
        ) : route.page === 'register' ? (
          <RegisterPage
            cardId={route.cardId}
            onOpenCard={openCard}
            onRegisterCard={newCard}
            focusSearchRequest={searchFocus}
          />
        ) : (
          <RegisterCardPage focusRequest={formFocus} />
        )}
      </Suspense>
    </AppLayout>
  );
}
