import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules live in eslint.config.js; these cases prove that they bite. Each probe is
// linted as if it stood in an existing file of that layer (the text replaces the file's own).
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', { timeout: 60_000 }, () => {
  it.each([
    ['electron/services/cards.ts', "import { createRouter } from '../ipc/router';"],
    ['electron/services/cards.ts', "import { app } from 'electron';"],
    ['electron/db/open.ts', "import { installMenu } from '../main/menu';"],
    ['electron/cli/run.ts', "import type { Handlers } from '../ipc/router';"],
    ['electron/sync/sync.ts', "import { createCredentialStore } from '../main/credential-store';"],
    ['electron/hub/client.ts', "import { createHandlers } from '../ipc/handlers';"],
    ['shared/domain/card.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/App.tsx', "import { openDatabase } from '../electron/db/open';"],
  ])('%s may not say %s', async (file, line) => {
    const messages = await restrictedImports(file, `${line}\nexport const probe = 1;\n`);
    expect(messages.length).toBeGreaterThan(0);
  });

  it.each([
    ['electron/services/cards.ts', "import { AppError } from './app-error';"],
    ['electron/db/backup-store.ts', "import { BACKUP_KIND_NAMES } from '../../shared/domain/backup';"],
    ['electron/sync/sync.ts', "import type { HubSettings } from '../../shared/ipc/hub';"],
    ['electron/ipc/router.ts', "import { AppError } from '../services/app-error';"],
  ])('%s may say %s', async (file, line) => {
    expect(await restrictedImports(file, `${line}\nexport const probe = 1;\n`)).toEqual([]);
  });
});
