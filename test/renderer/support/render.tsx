import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Language } from '../../../shared/i18n';
import type { Api } from '../../../shared/ipc/api';
import { createUiI18n } from '../../../renderer/i18n';
import { Providers } from '../../../renderer/Providers';

/** Renders UI inside the app's providers (theme, translations, dates, API). */
export function renderWithApp(ui: ReactElement, api: Api, language: Language = 'sv'): RenderResult {
  return render(
    <Providers api={api} i18n={createUiI18n(language)} env="test">
      {ui}
    </Providers>,
  );
}
