import {
  AppShell,
  Badge,
  Burger,
  Group,
  NavLink,
  Stack,
  Text,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useWindowEvent } from '@mantine/hooks';
import {
  IconChartBar,
  IconCirclePlus,
  IconClipboardCheck,
  IconFileImport,
  IconGavel,
  IconId,
  IconHistory,
  IconListDetails,
  IconSettings,
} from '@tabler/icons-react';
import { useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/ipc/contract';
import { ReviewNavBadge } from '../features/review/ReviewNavBadge';
import { HubStatusBar } from '../features/hub/HubStatusBar';
import { routeHash, type Route } from '../lib/hash-route';
import classes from './AppLayout.module.css';
import { LanguageSwitch } from './LanguageSwitch';
import { PAGE_HEADING_ID } from './PageHeader';

const MAIN_ID = 'main-content';
const NAVBAR_ID = 'main-menu';

/** The skip link's target: the page's h1, or the main area while the page is loading. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  // The address holds the route: the link must not change it.
  event.preventDefault();
  (document.getElementById(PAGE_HEADING_ID) ?? document.getElementById(MAIN_ID))?.focus();
}

/** Props of {@link AppLayout}. */
export interface AppLayoutProps {
  route: Route;
  /** Version and mode, shown quietly at the foot of the menu once known. */
  info: AppInfo | null;
  /** Read out by screen readers when it changes: the new page after a page change. */
  announcement?: string;
  children: ReactNode;
}

/**
 * The frame of every page: a skip link, the header with the product name and the language
 * switch, and the main menu (behind a menu button on a narrow window or at a high zoom).
 */
export function AppLayout({ route, info, announcement = '', children }: AppLayoutProps) {
  const { t } = useTranslation('ui');
  const [opened, { toggle, close }] = useDisclosure(false);
  const burger = useRef<HTMLButtonElement>(null);
  // Escape closes the menu and gives the focus back to its button.
  useWindowEvent('keydown', (event) => {
    if (!opened || event.key !== 'Escape') return;
    close();
    burger.current?.focus();
  });
  const links = [
    {
      page: 'register-card',
      label: t('nav.registerCard'),
      icon: IconCirclePlus,
      href: routeHash({ page: 'register-card' }),
    },
    {
      page: 'register',
      label: t('nav.register'),
      icon: IconListDetails,
      href: routeHash({ page: 'register', cardId: null }),
    },
    {
      page: 'review',
      label: t('review.nav'),
      icon: IconClipboardCheck,
      href: routeHash({ page: 'review' }),
    },
    {
      page: 'report',
      label: t('report.nav'),
      icon: IconChartBar,
      href: routeHash({ page: 'report' }),
    },
    {
      page: 'import',
      label: t('importWizard.nav'),
      icon: IconFileImport,
      href: routeHash({ page: 'import' }),
    },
    {
      page: 'decisions',
      label: t('decisions.nav'),
      icon: IconGavel,
      href: routeHash({ page: 'decisions' }),
    },
    {
      page: 'settings',
      label: t('settings.nav'),
      icon: IconSettings,
      href: routeHash({ page: 'settings' }),
    },
    {
      page: 'audit',
      label: t('audit.nav'),
      icon: IconHistory,
      href: routeHash({ page: 'audit' }),
    },
  ] as const;

  return (
    <AppShell
      classNames={{ navbar: classes.navbar }}
      header={{ height: 60 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', xl: 'lg' }}
      bg="gray.0"
    >
      <a href={`#${MAIN_ID}`} className={classes.skipLink} onClick={skipToContent}>
        {t('a11y.skipToContent')}
      </a>
      <VisuallyHidden role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </VisuallyHidden>
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Burger
              ref={burger}
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.openNavigation')}
              aria-expanded={opened}
              aria-controls={NAVBAR_ID}
            />
            <ThemeIcon size={34} radius="md" variant="light">
              <IconId size={20} stroke={1.7} />
            </ThemeIcon>
            <Stack gap={0}>
              <Text fw={700} size="md" lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} visibleFrom="xs">
                {t('app.tagline')}
              </Text>
            </Stack>
          </Group>
          <Group gap="lg" wrap="nowrap" style={{ minWidth: 0 }}>
            <HubStatusBar />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        aria-label={t('nav.label')}
        id={NAVBAR_ID}
        data-collapsed={!opened || undefined}
      >
        {/* One navigation landmark, named: the section inside is not a second <nav>. */}
        <AppShell.Section grow>
          {links.map((link) => (
            <NavLink
              key={link.page}
              href={link.href}
              label={link.label}
              leftSection={<link.icon size={18} stroke={1.6} />}
              rightSection={link.page === 'review' ? <ReviewNavBadge /> : undefined}
              active={route.page === link.page}
              aria-current={route.page === link.page ? 'page' : undefined}
              onClick={close}
              variant="light"
              fw={500}
              mb={4}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          ))}
        </AppShell.Section>
        {info && (
          <AppShell.Section>
            <Group gap="xs" px="xs" pb="xs">
              <Text size="xs" c="dimmed">
                {t('app.version', { version: info.version })}
              </Text>
              {info.mode === 'web' && (
                <Badge size="xs" variant="outline" color="gray">
                  {t('app.webMode')}
                </Badge>
              )}
            </Group>
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
