// Child of the kill rounds: registers and extends cards through the real back end until it
// is killed. Usage (bundled): node crash-child.mjs DB ROUND SEED
// Prints `ready` once the database is open, then `ack <id>` after each commit returned.
import { createBackend } from '../../electron/app/backend';
import { formatInstant, parseInstant } from '../../shared/time/stockholm';
import { reportLine, seededRandom } from './child-io';
import { hsaId, validLevel3Card } from './valid-data';

const [databasePath, roundText, seedText] = process.argv.slice(2);
if (!databasePath || !roundText || !seedText) throw new Error('usage: crash-child DB ROUND SEED');
const round = Number(roundText);
const random = seededRandom(Number(seedText));
const ORGANISATIONS = [1, 2, 3, 4].map((i) => ({
  hsaId: hsaId(900_000 + i, `ORG${i}`),
  name: `Region ${i}`,
}));

const backend = createBackend({ databasePath, mode: 'cli', version: 'reliability', actor: 'crash-child' });
const open: { id: string; issuedAt: string }[] = [];
reportLine('ready');

async function step(i: number): Promise<void> {
  const n = round * 1_000_000 + i;
  const previous =
    open.length > 0 && random() < 0.2 ? open.splice(Math.floor(random() * open.length), 1)[0] : undefined;
  if (previous) {
    // An extension: a new registration and the end of the old one, in one transaction.
    const from = parseInstant(previous.issuedAt)! + 86_400_000;
    const result = await backend.router.invoke(
      'cards:extend',
      {
        id: previous.id,
        issuedAt: formatInstant(from),
        expiresAt: formatInstant(from + 5 * 86_400_000),
        issuedBy: ['Kim Karlsson', 'Lo Lind'],
        violationJustification: 'Godkänt',
      },
      { trustedSender: true },
    );
    if (!result.ok) throw new Error(`extend refused: ${JSON.stringify(result.error)}`);
    const card = result.value as { id: string; issuedAt: string };
    reportLine(`ack ${card.id}`);
    open.push({ id: card.id, issuedAt: card.issuedAt });
    return;
  }
  // Now and then a new organisation, created in the same transaction as its first card.
  const organisation =
    random() < 0.1
      ? { hsaId: hsaId(n, 'NEW'), name: `Ny organisation ${n}` }
      : ORGANISATIONS[i % ORGANISATIONS.length]!;
  const result = await backend.router.invoke('cards:register', validLevel3Card(n, random, organisation), {
    trustedSender: true,
  });
  if (!result.ok) throw new Error(`register refused: ${JSON.stringify(result.error)}`);
  const card = result.value as { id: string; issuedAt: string };
  reportLine(`ack ${card.id}`);
  open.push({ id: card.id, issuedAt: card.issuedAt });
}

for (let i = 0; ; i++) await step(i);
