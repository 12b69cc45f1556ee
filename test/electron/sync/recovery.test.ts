import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/app/backend';
import { registerCard } from '../../../electron/services/cards';
import type { HubPort } from '../../../electron/sync/hub-port';
import { syncOnce } from '../../../electron/sync/sync';
import { CardInput } from '../../../shared/domain/card';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';
import { openDesk, randomCard, seeded, type TestDesk } from './support';

const hubs = useHubServer();
const opened: TestDesk[] = [];
const cleanups: (() => void)[] = [];
afterAll(() => {
  opened.forEach((d) => d.close());
  cleanups.forEach((c) => c());
});

const random = seeded(77);
function registerSome(desk: TestDesk, n: number): void {
  for (let i = 0; i < n; i++) registerCard(desk.ctx, CardInput.parse(randomCard(random, desk.id)));
}

async function hubEventsOf(desk: TestDesk) {
  const hub = desk.port();
  try {
    const pulled = await hub.pull(0, 10_000);
    return pulled.events.filter((e) => e.event.deskId === desk.id).map((e) => e.event);
  } finally {
    await hub.close();
  }
}

// The port of a desk whose acknowledgement never arrives: the hub commits the batch, then
// the connection (or the desk) dies before the desk can mark it pushed.
function losingAcknowledgements(port: HubPort): HubPort {
  return {
    ...port,
    async push(events) {
      await port.push(events);
      throw Object.assign(new Error('Connection terminated unexpectedly'), {
        code: 'hub-unreachable',
        retryable: true,
      });
    },
  };
}

describe('a lost acknowledgement', () => {
  it('is pushed again and recognised: no event twice on the hub, none lost', async () => {
    const hub = await hubs.newHub();
    const desk = await openDesk(hub, 'boras');
    opened.push(desk);
    registerSome(desk, 5);
    await desk.join();
    const port = desk.port();
    try {
      await expect(syncOnce(desk.ctx, losingAcknowledgements(port), { batch: 3 })).rejects.toThrow(
        /Connection terminated/,
      );
    } finally {
      await port.close();
    }
    // The hub has the first batch; the desk does not know it.
    expect((await hubEventsOf(desk)).map((e) => e.deskSeq)).toEqual([1, 2, 3]);
    expect(desk.ctx.hubLink.get()).toMatchObject({
      pushed_seq: 0,
      last_error: expect.stringContaining('Connection terminated') as string,
    });

    registerSome(desk, 2);
    const result = await desk.sync({ batch: 3 });
    // 1–3 were duplicates; 4–7 are new.
    expect(result.pushed).toBe(4);
    const onHub = await hubEventsOf(desk);
    expect(onHub.map((e) => e.deskSeq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(onHub.map((e) => e.eventId)).size).toBe(7);
    expect(desk.ctx.hubLink.get()).toMatchObject({ pushed_seq: 7, last_error: null });
    expect(await desk.sync()).toMatchObject({ pushed: 0, pulled: 0 });
  });
});

describe('a desk restored from an old copy of its register', () => {
  async function restoredDesk() {
    const hub = await hubs.newHub();
    const desk = await openDesk(hub, 'skovde');
    opened.push(desk);
    await desk.join();
    registerSome(desk, 3);
    await desk.sync();
    // The copy IT restores later: taken after the first sync.
    desk.backend.db.pragma('wal_checkpoint(TRUNCATE)');
    const t = tempDir('restored-');
    cleanups.push(t.cleanup);
    copyFileSync(join(desk.dir, 'k.db'), join(t.dir, 'k.db'));
    registerSome(desk, 3);
    await desk.sync();
    const restored = createBackend({
      databasePath: join(t.dir, 'k.db'),
      mode: 'cli',
      version: 'test',
      dailyBackup: false,
    });
    cleanups.unshift(() => restored.close());
    return { hub, desk, restored };
  }

  it('stops with a message for IT when it has new changes under numbers the hub already has', async () => {
    const { hub, desk, restored } = await restoredDesk();
    registerCard(restored.services, CardInput.parse(randomCard(random, 'återställd')));
    const before = await hub.snapshot();
    const port = desk.port();
    try {
      const error = (await syncOnce(restored.services, port).catch((e: unknown) => e)) as Error & {
        code: string;
      };
      expect(error.code).toBe('hub-conflict');
      expect(error.message).toContain('händelse nummer 4');
      expect(error.message).toContain('säkerhetskopia');
    } finally {
      await port.close();
    }
    expect(await hub.snapshot()).toEqual(before);
    expect(restored.services.hubLink.get()!.last_error).toMatch(/^Synkningen stoppades: händelse nummer 4/);
    // Again and again: nothing goes out until IT has sorted it out.
    const again = desk.port();
    await expect(syncOnce(restored.services, again)).rejects.toThrow(/säkerhetskopia/);
    await again.close();
    expect(await hub.snapshot()).toEqual(before);
  });

  it('stops when the hub has events of this desk that the register lacks, even with nothing new to send', async () => {
    const { hub, desk, restored } = await restoredDesk();
    const before = await hub.snapshot();
    const pulledBefore = restored.services.db.prepare('SELECT * FROM pulled_cards').all();
    const port = desk.port();
    try {
      const error = (await syncOnce(restored.services, port).catch((e: unknown) => e)) as Error & {
        code: string;
      };
      expect(error.code).toBe('sync-restored');
      expect(error.message).toBe(
        'Synkningen stoppades: hubben har händelser till och med nummer 6 från den här kortstationen (skovde), men registret har bara till och med nummer 3. Registret har troligen återställts från en äldre säkerhetskopia. Ingenting har skrivits över, varken här eller på hubben. Regional IT: se docs/hub.md, "En kortstation återställd från säkerhetskopia".',
      );
    } finally {
      await port.close();
    }
    const after = (await hub.snapshot()) as { events: unknown[] };
    expect(after.events).toEqual((before as { events: unknown[] }).events);
    expect(restored.services.db.prepare('SELECT * FROM pulled_cards').all()).toEqual(pulledBefore);
    expect(restored.services.hubLink.get()).toMatchObject({ pushed_seq: 3 });
  });
});
