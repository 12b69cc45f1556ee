import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/app/backend';
import { joinHub, pendingEvents } from '../../../electron/sync/join';
import { openPgHubPort } from '../../../electron/sync/pg-port';
import { syncOnce } from '../../../electron/sync/sync';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';
import { oldRegister } from './old-register-fixture';

const hubs = useHubServer();
const { dir, cleanup } = tempDir('kortliggaren-old-register-');
afterAll(() => cleanup());

describe('a register from before the hub', () => {
  it('joins and pushes its whole register first: every card, as it is now, none twice', async () => {
    const file = join(dir, 'k.db');
    oldRegister(file);
    const backend = createBackend({ databasePath: file, mode: 'cli', version: 'test', dailyBackup: false });
    try {
      const ctx = backend.services;
      const hub = await hubs.newHub();
      const desk = await hub.addDesk('alingsas', 'Alingsås');
      const port = openPgHubPort(desk.url, 'test', { env: {} });
      try {
        expect(await joinHub(ctx, port, desk.url)).toMatchObject({ deskId: 'alingsas', pending: 4 });
        expect(await syncOnce(ctx, port, { batch: 3 })).toMatchObject({ pushed: 4, pulled: 0, cursor: 4 });
        expect(pendingEvents(ctx)).toBe(0);
        const onHub = (await port.pull(0, 100)).events.map((e) => e.event);
        const outbox = ctx.outbox;
        const ids = ctx.db.prepare<[], string>('SELECT id FROM cards ORDER BY created_at, id').pluck().all();
        expect(onHub.map((e) => [e.deskSeq, e.kind, e.card.cardId])).toEqual(
          ids.map((id, i) => [i + 1, 'registered', id]),
        );
        for (const event of onHub) expect(event.card).toEqual(outbox.cardState(event.card.cardId));
        expect(onHub.find((e) => e.card.extendsCardId !== null)?.card.extendsCardId).toBe(
          '6f1c1f7e-3b7a-4a51-9a51-000000000003',
        );
        expect(onHub.filter((e) => e.card.voided)).toHaveLength(1);
      } finally {
        await port.close();
      }
    } finally {
      backend.close();
    }
  });
});
