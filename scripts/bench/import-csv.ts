import { createWriteStream } from 'node:fs';
import { CARD_FIELDS } from '../../shared/import/card-rows';
import { stockholmOffsetMs } from './local-time';
import { generateCards, seedOrganisations, type SeedCard, type SeedShape } from './seed-model';

// The fields of SPEC §3 in their order, without the two free texts the generated cards lack;
// each line below writes its values in this order.
const COLUMNS = CARD_FIELDS.filter((field) => field !== 'note' && field !== 'violationJustification');

// ISO-8601 with the Stockholm offset, as the app's own exports write instants.
function isoLocal(epochMs: number): string {
  const offset = stockholmOffsetMs(epochMs);
  const wall = new Date(epochMs + offset).toISOString().slice(0, 19);
  return `${wall}+0${offset / 3_600_000}:00`;
}

function cell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes a card CSV of SPEC §6 (`;`-separated, UTF-8 with BOM, CRLF, Swedish booleans, the
 * administrators joined with `|`, instants with their Stockholm offset as the app's own
 * exports write them) from the same generator as the register. Rows stay in memory until
 * the end because a later extension ends an earlier row.
 */
export async function writeImportCsv(file: string, shape: SeedShape): Promise<number> {
  const names = new Map(seedOrganisations(shape.organisations).map((o) => [o.hsaId, o.name]));
  const rows: SeedCard[] = [];
  const byId = new Map<string, SeedCard>();
  generateCards(
    shape,
    (card) => {
      // A file cannot void: a voided card of the generator is imported as issued.
      const row = { ...card, voidedAt: null };
      rows.push(row);
      byId.set(row.id, row);
    },
    (previousId, at) => {
      const previous = byId.get(previousId);
      if (!previous) return;
      previous.endedAt = at;
      previous.endReason = 'extended';
    },
  );
  const out = createWriteStream(file, 'utf8');
  out.write(`\uFEFF${COLUMNS.join(';')}\r\n`);
  for (const c of rows) {
    if (c.extendsCardId !== null && !byId.has(c.extendsCardId)) c.extendsCardId = null;
    const issuedBy = (JSON.parse(c.issuedBy) as string[]).join('|');
    const line = [
      c.id,
      c.organisationHsaId,
      names.get(c.organisationHsaId) ?? '',
      String(c.assuranceLevel),
      c.cardNumber,
      c.holderHsaId,
      c.holderName,
      c.holderIdType,
      c.unplannedPersonnel === null ? '' : c.unplannedPersonnel === 1 ? 'ja' : 'nej',
      isoLocal(c.issuedAt),
      isoLocal(c.expiresAt),
      c.reasonCode,
      c.reasonText,
      issuedBy,
      c.extendsCardId ?? '',
      c.endedAt === null ? '' : isoLocal(c.endedAt),
      c.endReason ?? '',
    ];
    out.write(`${line.map(cell).join(';')}\r\n`);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return rows.length;
}
