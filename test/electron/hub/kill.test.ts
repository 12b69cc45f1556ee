import { runHubKillRounds } from '../../../scripts/reliability/hub-kill';

// A small version of `npm run reliability`'s hub rounds (scripts/reliability/hub-kill.ts):
// the PostgreSQL server is killed with SIGKILL in the middle of pushes, restarted, and the
// desks resume. Nothing may be lost, doubled or skipped by a reader.
describe('the hub survives SIGKILL of its server mid-push', () => {
  it('loses nothing, doubles nothing, and the reader skips nothing', async () => {
    const result = await runHubKillRounds({ rounds: 3, seed: 20261205, log: () => undefined });
    expect(result).toMatchObject({
      hubKillRounds: 3,
      hubEventsLost: 0,
      hubDuplicates: 0,
      hubSkippedOnPull: 0,
      unexpectedErrors: [],
    });
    expect(result.events).toBeGreaterThan(150);
  }, 120_000);
});
