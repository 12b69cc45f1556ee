import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../shared/ipc/contract';
import { useApi } from './ipc/client';
import { AppLayout } from './components/AppLayout';
import { RegisterPage } from './features/register/RegisterPage';
import { RegisterCardPage } from './features/register-card/RegisterCardPage';
import { ImportPage } from './features/import/ImportPage';
import { DecisionsPage } from './features/decisions/DecisionsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SetupModal } from './features/setup/SetupModal';
import { ReportPage } from './features/report/ReportPage';
import { ReviewPage } from './features/review/ReviewPage';
import { AuditPage } from './features/audit/AuditPage';
import { useExpiryNotification } from './features/review/use-expiry-notification';
import { useHashRoute } from './lib/hash-route';
import { useAppCommands } from './lib/use-app-commands';

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
      <SetupModal />
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
    </AppLayout>
  );
}
