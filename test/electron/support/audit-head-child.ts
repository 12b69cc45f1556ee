// Child of test/electron/app/audit-head.test.ts: opens the register through the real back
// end, registers N cards (each committed and acknowledged), says `committed`, and waits to
// be killed. Usage (bundled): node audit-head-child.mjs DB N
import { createBackend } from '../../../electron/app/backend';

const [databasePath, countText] = process.argv.slice(2);
if (!databasePath || !countText) throw new Error('usage: audit-head-child DB N');
const backend = createBackend({
  databasePath,
  mode: 'cli',
  version: 'test',
  actor: 'child',
  dailyBackup: false,
});
for (let i = 0; i < Number(countText); i++) {
  const result = await backend.router.invoke(
    'cards:register',
    {
      organisationHsaId: 'SE2321000016-A1B2',
      organisationName: 'Region Exempel',
      assuranceLevel: 2,
      cardNumber: `97522100000000001${String(i).padStart(2, '0')}`,
      holderHsaId: 'SE5565594230-H001',
      holderName: 'Bo Ek',
      holderIdType: 'personnummer',
      unplannedPersonnel: true,
      issuedAt: '2026-02-11T19:40:00+01:00',
      expiresAt: '2026-02-12T19:40:00+01:00',
      reasonCode: 'forgotten-card',
      issuedBy: ['Kim Karlsson'],
    },
    { trustedSender: true },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
}
process.stdout.write('committed\n');
setInterval(() => {}, 60_000);
