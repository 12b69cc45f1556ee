import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/sv';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Api } from '../shared/ipc/api';
import { ApiProvider } from './ipc/client';
import { cssVariablesResolver, theme } from './theme';

/** Props of {@link Providers}. */
export interface ProvidersProps {
  api: Api;
  i18n: i18n;
  /** 'test' turns off Mantine's transitions and portals (Testing Library in jsdom). */
  env?: 'default' | 'test';
  children: ReactNode;
}

function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <DatesProvider settings={{ locale: i18n.language === 'sv' ? 'sv' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}

/** Theme, translations, calendar locale and the back-end API: everything a page needs around it. */
export function Providers({ api, i18n, env = 'default', children }: ProvidersProps) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      env={env}
    >
      <I18nextProvider i18n={i18n}>
        <LocalisedDates>
          <ApiProvider api={api}>{children}</ApiProvider>
        </LocalisedDates>
      </I18nextProvider>
    </MantineProvider>
  );
}
