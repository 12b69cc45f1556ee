import pg from 'pg';
import { pushEvents } from '../../../electron/hub/client';
import { deskLog, useHubServer } from './support';

const hubs = useHubServer();

/**
 * A puller that trusts nothing: plain SQL, as a desk would read after its cursor. It
 * records each batch it saw so the test can check that no hubSeq ever appeared before a
 * smaller one that it had not yet seen.
 */
function rawPuller(url: string) {
  const client = new pg.Client({ connectionString: url });
  const seen: number[] = [];
  let cursor = 0;
  const violations: string[] = [];
  return {
    seen,
    violations,
    connect: () => client.connect(),
    end: () => client.end(),
    async pullOnce(): Promise<number> {
      const { rows } = await client.query<{ hub_seq: string }>(
        'SELECT hub_seq FROM kortliggaren.events WHERE hub_seq > $1 ORDER BY hub_seq LIMIT 500',
        [cursor],
      );
      for (const row of rows) {
        const n = Number(row.hub_seq);
        if (n !== cursor + 1) violations.push(`saw ${n} after ${cursor}`);
        seen.push(n);
        cursor = n;
      }
      return rows.length;
    },
  };
}

describe('hubSeq is commit order without gaps', () => {
  it('a push cannot commit hubSeq n + 1 while the push holding n is still open', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras');
    const skovde = await hub.addDesk('skovde');
    const early = deskLog('boras').register();

    // Borås inserts its event (hubSeq 1) but has not committed yet: a slow network, say.
    const slow = new pg.Client({ connectionString: boras.url });
    await slow.connect();
    await slow.query('BEGIN');
    const { contentHash, ...unsealed } = early;
    const inserted = await slow.query<{ hub_seq: string }>(
      `INSERT INTO kortliggaren.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
       VALUES ('boras', 1, $1, $2, 'registered', $3, 1, $4) RETURNING hub_seq`,
      [early.eventId, early.card.cardId, contentHash, JSON.stringify(unsealed)],
    );
    expect(Number(inserted.rows[0]!.hub_seq)).toBe(1);

    // Skövde pushes meanwhile: it must wait for Borås, not commit hubSeq 2 first.
    // Another organisation, so that only the hub's counter can make it wait.
    const skovdeLog = deskLog('skovde');
    skovdeLog.register({ organisationHsaId: 'SE2321000016-SKOV', organisationName: 'Skövde kommun' });
    let skovdeDone = false;
    const skovdePush = pushEvents(hubs.pool(skovde.url), skovdeLog.events, 'v1').then((r) => {
      skovdeDone = true;
      return r;
    });
    const puller = rawPuller(hub.adminUrl);
    await puller.connect();
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await puller.pullOnce()).toBe(0);
    }
    expect(skovdeDone).toBe(false);

    await slow.query('COMMIT');
    await slow.end();
    expect(await skovdePush).toMatchObject({ accepted: 1 });
    while ((await puller.pullOnce()) > 0);
    await puller.end();
    expect(puller.seen).toEqual([1, 2]);
    expect(puller.violations).toEqual([]);
  });

  it('a rolled-back push leaves no gap', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras');
    const skovde = await hub.addDesk('skovde');
    const client = new pg.Client({ connectionString: boras.url });
    await client.connect();
    await client.query('BEGIN');
    const event = deskLog('boras').register();
    const { contentHash, ...unsealed } = event;
    await client.query(
      `INSERT INTO kortliggaren.events (desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
       VALUES ('boras', 1, $1, $2, 'registered', $3, 1, $4)`,
      [event.eventId, event.card.cardId, contentHash, JSON.stringify(unsealed)],
    );
    await client.query('ROLLBACK');
    await client.end();
    const log = deskLog('skovde');
    log.register();
    await pushEvents(hubs.pool(skovde.url), log.events, 'v1');
    const admin = await hub.admin();
    const { rows } = await admin.query<{ hub_seq: string }>('SELECT hub_seq FROM kortliggaren.events');
    await admin.end();
    expect(rows.map((r) => Number(r.hub_seq))).toEqual([1]);
  });

  it('four desks pushing at once and a puller reading all the while: nothing skipped or repeated', async () => {
    const hub = await hubs.newHub();
    const desks = await Promise.all(['d1', 'd2', 'd3', 'd4'].map((d) => hub.addDesk(d)));
    const batches = 15;
    const perBatch = 8;
    const puller = rawPuller(hub.adminUrl);
    await puller.connect();
    let pushing = true;
    const pulling = (async () => {
      while (pushing) await puller.pullOnce();
      while ((await puller.pullOnce()) > 0);
    })();
    await Promise.all(
      desks.map(async (desk) => {
        const pool = hubs.pool(desk.url);
        const log = deskLog(desk.desk);
        for (let b = 0; b < batches; b++) {
          const from = log.events.length;
          for (let i = 0; i < perBatch; i++) log.register();
          await pushEvents(pool, log.events.slice(from), 'v1');
        }
      }),
    );
    pushing = false;
    await pulling;
    await puller.end();
    const total = desks.length * batches * perBatch;
    expect(puller.violations).toEqual([]);
    expect(puller.seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });
});
