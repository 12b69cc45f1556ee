import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDefaultApi } from './ipc/client';
import { withEarlyCalls } from './ipc/early-calls';
import { startupCalls } from './startup-calls';
import { App } from './App';
import { setupI18n } from './i18n';
import { Providers } from './Providers';

// The first screen's data is asked for now, while React is still starting.
const api = withEarlyCalls(createDefaultApi(), startupCalls(window.location.hash));

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers api={api} i18n={setupI18n()}>
      <App />
    </Providers>
  </StrictMode>,
);
