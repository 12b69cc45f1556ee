import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../shared/ipc/contract';
import { useApi } from './ipc/client';
import { AppLayout } from './components/AppLayout';
import { HealthBanner } from './components/HealthBanner';
import { RegisterPage } from './features/register/RegisterPage';
import { SetupModal } from './features/setup/SetupModal';
import { useExpiryNotification } from './features/review/use-expiry-notification';
import { useDocumentTitle, windowTitle } from './lib/document-title';
import { useHashRoute, type Route } from './lib/hash-route';
import { PageFocusProvider, type FocusRequest, type FocusTarget } from './lib/page-focus';
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

/** The key of each page's name (its h1), for the window title and the page-change announcement. */
const PAGE_TITLES: Record<Route['page'], string> = {
  'register-card': 'form.title',
  register: 'register.title',
  review: 'review.title',
  report: 'report.title',
  import: 'importWizard.title',
  decisions: 'decisions.title',
  settings: 'settings.title',
  audit: 'audit.title',
};

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
  const { t } = useTranslation('ui');
  const [route, navigate] = useHashRoute();
  const [info, setInfo] = useState<AppInfo | null>(null);
  // Where the focus goes next (see lib/page-focus): nothing at the start, so the skip link
  // is the first Tab stop; the new page's h1 after a page change; a field after a command.
  const [focusRequest, setFocusRequest] = useState<FocusRequest>({ id: 0, target: 'heading' });
  const focusHandledRef = useRef(0);
  const [shownPage, setShownPage] = useState(route.page);
  const [announcement, setAnnouncement] = useState('');
  const pageTitle = t(PAGE_TITLES[route.page]);
  if (shownPage !== route.page) {
    setShownPage(route.page);
    setAnnouncement(t('a11y.pageShown', { page: pageTitle }));
    // A command's request (Ctrl+N: the first field) waits for its page and is kept.
    setFocusRequest((request) =>
      request.id > focusHandledRef.current ? request : { id: request.id + 1, target: 'heading' },
    );
  }
  useDocumentTitle(windowTitle(pageTitle, t('app.name')));
  const requestFocus = useCallback((target: FocusTarget) => {
    setFocusRequest((request) => ({ id: request.id + 1, target }));
  }, []);

  useEffect(() => {
    void api['app:info']({}).then((result) => {
      if (result.ok) setInfo(result.value);
    });
  }, [api]);

  const newCard = useCallback(() => {
    requestFocus('first-field');
    navigate({ page: 'register-card' });
  }, [navigate, requestFocus]);

  useExpiryNotification(() => navigate({ page: 'review' }));

  useAppCommands({
    'new-card': newCard,
    'monthly-report': () => navigate({ page: 'report' }),
    search: () => {
      requestFocus('search');
      navigate({ page: 'register', cardId: null });
    },
  });

  const openCard = useCallback((cardId: string | null) => navigate({ page: 'register', cardId }), [navigate]);

  return (
    <AppLayout route={route} info={info} announcement={announcement}>
      <PageFocusProvider request={focusRequest} handledRef={focusHandledRef}>
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
            <RegisterPage cardId={route.cardId} onOpenCard={openCard} onRegisterCard={newCard} />
          ) : (
            <RegisterCardPage />
          )}
        </Suspense>
      </PageFocusProvider>
    </AppLayout>
  );
}
