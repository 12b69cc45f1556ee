import { screen } from '@testing-library/react';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBackend } from '../../../electron/app/backend';
import { auditHeadPath } from '../../../electron/db/audit-head';
import { HealthBanner } from '../../../renderer/components/HealthBanner';
import { createApi } from '../../../shared/ipc/api';
import { makeCard, startTestBackend, type TestBackend } from '../support/backend';
import { renderWithApp } from '../support/render';

// Issue 13 item 12: when the register is behind the audit head recorded beside it, the
// desk is told at start, in Swedish, what it means and what to do.

let t: TestBackend;
beforeEach(() => {
  t = startTestBackend();
});
afterEach(() => t.dispose());

it('says nothing when all is well', async () => {
  await t.seed([makeCard()]);
  renderWithApp(<HealthBanner />, t.api);
  await screen.findByText('Kontrollera registret', {}, { timeout: 1_000 }).catch(() => undefined);
  expect(screen.queryByTestId('health-banner')).not.toBeInTheDocument();
});

it('tells the desk that saved changes are missing, and what to do', async () => {
  await t.seed([makeCard()]);
  const file = t.backend.db.name;
  // The record says two more entries were committed than the database holds.
  const record = JSON.parse(readFileSync(auditHeadPath(file), 'utf8')) as { seq: number };
  writeFileSync(auditHeadPath(file), JSON.stringify({ ...record, seq: record.seq + 2 }));
  const reopened = createBackend({ databasePath: file, mode: 'web', version: 'test' });
  try {
    const api = createApi((channel, input) =>
      reopened.router.invoke(channel, input, { trustedSender: true }),
    );
    renderWithApp(<HealthBanner />, api);
    expect(await screen.findByText('Kontrollera registret', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(
      screen.getByText(
        new RegExp(
          `post ${record.seq + 2} i granskningsloggen fanns .*databasen slutar vid post ${record.seq}\\..*kontakta IT-supporten`,
        ),
      ),
    ).toBeInTheDocument();
  } finally {
    reopened.close();
  }
});
