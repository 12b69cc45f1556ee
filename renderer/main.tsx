import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultApi } from './ipc/client';
import { App } from './App';
import { setupI18n } from './i18n';
import { Providers } from './Providers';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers api={createDefaultApi()} i18n={setupI18n()}>
      <App />
    </Providers>
  </StrictMode>,
);
