import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { bootCalls, bootStartedAt } from './boot';
import { createDefaultApi, envelopeOf } from './ipc/client';
import { withEarlyCalls } from './ipc/early-calls';
import { App } from './App';
import { setupI18n } from './i18n';
import { Providers } from './Providers';

// The first screen's data was asked for by boot.ts while this code was still loading.
const api = withEarlyCalls(
  createDefaultApi(),
  bootCalls.map((call) => ({ channel: call.channel, input: call.input, reply: envelopeOf(call.reply) })),
  { startedAt: bootStartedAt },
);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers api={api} i18n={setupI18n()}>
      <App />
    </Providers>
  </StrictMode>,
);
