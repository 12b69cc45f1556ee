import { REASON_CODES, type HolderIdType, type ReasonCode } from '../../shared/domain/reason-codes';
import { passesLuhn } from '../../shared/domain/hsa-id';
import { isWorkingDay } from '../../shared/rules/working-days';
import { addLocalDaysFast, fromLocal, isoDate } from './local-time';
import { ADMINISTRATORS, FIRST_NAMES, ORGANISATION_KINDS, SURNAMES } from './names';
import { createRng, scramble32, uuidFor, type Rng } from './prng';

/** One generated card, in the columns of the cards table. */
export interface SeedCard {
  id: string;
  organisationHsaId: string;
  assuranceLevel: 2 | 3;
  cardNumber: string;
  holderHsaId: string;
  holderName: string;
  holderIdType: HolderIdType;
  unplannedPersonnel: 0 | 1 | null;
  issuedAt: number;
  expiresAt: number;
  reasonCode: ReasonCode;
  reasonText: string;
  issuedBy: string;
  extendsCardId: string | null;
  endedAt: number | null;
  endReason: 'returned' | 'revoked' | 'extended' | null;
  voidedAt: number | null;
}

/** What the generator needs to know. */
export interface SeedShape {
  cards: number;
  organisations: number;
  /** First and last local issue date, `YYYY-MM-DD`, inclusive. */
  firstDay: string;
  lastDay: string;
  seed: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Level-2 reasons as a desk sees them: mostly forgotten cards.
const L2_REASONS: readonly ReasonCode[] = [
  ...Array<ReasonCode>(10).fill('forgotten-card'),
  'lost-or-stolen',
  'lost-or-stolen',
  'damaged-card',
  'blocked-card',
  'blocked-card',
  'not-yet-received',
  'short-notice-staff',
  'short-notice-staff',
];

/** An organisation HSA-id: `SE` + ten digits with a Luhn check digit + a unit suffix. */
export function organisationDigits(index: number): string {
  const base = `232100${String(index).padStart(3, '0')}`;
  for (let check = 0; check < 10; check++) if (passesLuhn(base + check)) return base + check;
  throw new Error('unreachable: one check digit always passes');
}

/** The organisations of the register: HSA-id and name. */
export function seedOrganisations(count: number): { hsaId: string; name: string; digits: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const digits = organisationDigits(i + 1);
    const kind = ORGANISATION_KINDS[i % ORGANISATION_KINDS.length]!;
    return { hsaId: `SE${digits}-E${i + 1}`, name: `${kind} ${i + 1}`, digits };
  });
}

function cardNumberFor(seq: number): string {
  return `975221${String(scramble32(seq)).padStart(10, '0')}${String(seq % 997).padStart(3, '0')}`;
}

// Minutes after local midnight: level 2 outside office hours (a few inside, the classic
// violation), level 3 mostly inside.
function minuteOfDay(rng: Rng, level: 2 | 3, workingDay: boolean): number {
  if (!workingDay) return rng.int(1440);
  const inOffice = level === 3 ? !rng.chance(0.1) : rng.chance(0.004);
  if (inOffice) return 480 + rng.int(540);
  const m = rng.int(900); // 17:00–08:00, the evening being busier than the night
  return m < 420 ? 1020 + m : m - 420;
}

function validityDays(rng: Rng, level: 2 | 3): number {
  if (level === 3) return 1 + rng.int(60);
  if (rng.chance(0.003)) return 15 + rng.int(7); // over two weeks: a violation
  const u = rng.next();
  return u < 0.45 ? 1 + rng.int(3) : u < 0.75 ? 4 + rng.int(4) : 8 + rng.int(7);
}

/**
 * Generates the register day by day, oldest first: ~80 % level 2, a quarter ended early,
 * repeat holders (who often keep their own reserve card, sometimes extend it), a few voided
 * cards and a sprinkling of real rule violations. Calls `emit` for each card and
 * `extend(previousId, at)` when a card extends an earlier one, which then ends at `at`.
 */
export function generateCards(
  shape: SeedShape,
  emit: (card: SeedCard) => void,
  extend: (previousId: string, at: number) => void,
): { holders: number } {
  const rng = createRng(shape.seed);
  const organisations = seedOrganisations(shape.organisations);
  // Bigger organisations issue more: weights 1/(i+1)^0.8, sampled by cumulative sum.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < organisations.length; i++) cumulative.push((sum += 1 / (i + 1) ** 0.8));
  const pickOrganisation = () => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Holders in typed arrays: a million cards must not cost a million objects.
  const maxHolders = shape.cards;
  const holderName = new Uint16Array(maxHolders);
  const holderOrg = new Uint16Array(maxHolders);
  const holderType = new Uint8Array(maxHolders);
  const holderCardSeq = new Int32Array(maxHolders).fill(-1);
  const lastCard = new Int32Array(maxHolders).fill(-1);
  const lastExpires = new Float64Array(maxHolders);
  const lastOpen = new Uint8Array(maxHolders);
  const pools: number[][] = organisations.map(() => []);
  let holders = 0;
  let cardSeq = 0;
  const types: HolderIdType[] = ['personnummer', 'samordningsnummer', 'other'];

  const first = Date.parse(`${shape.firstDay}T00:00:00Z`);
  const days = Math.round((Date.parse(`${shape.lastDay}T00:00:00Z`) - first) / DAY) + 1;
  let index = 0;
  for (let day = 0; day < days; day++) {
    const date = isoDate(first + day * DAY);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const workingDay = isWorkingDay(date);
    const count = Math.round(((day + 1) * shape.cards) / days) - Math.round((day * shape.cards) / days);
    const todays: { second: number; level: 2 | 3; org: number }[] = [];
    for (let k = 0; k < count; k++) {
      const level = rng.chance(0.8) ? 2 : 3;
      const second = minuteOfDay(rng, level, workingDay) * 60 + rng.int(60);
      todays.push({ level, second, org: pickOrganisation() });
    }
    // Issued in time order, so an extension never starts before the card it extends.
    todays.sort((a, b) => a.second - b.second);
    for (const planned of todays) {
      let level = planned.level;
      const org = planned.org;
      const pool = pools[org]!;
      let h: number;
      if (pool.length > 0 && rng.chance(0.62)) h = pool[rng.int(pool.length)]!;
      else {
        h = holders++;
        holderName[h] = rng.int(FIRST_NAMES.length) * SURNAMES.length + rng.int(SURNAMES.length);
        holderOrg[h] = org;
        const t = rng.next();
        holderType[h] = t < 0.93 ? 0 : t < 0.98 ? 1 : 2;
        pool.push(h);
      }
      const holderIdType = types[holderType[h]!]!;
      if (level === 3 && holderIdType !== 'personnummer' && !rng.chance(0.01)) level = 2;
      const issuedAt = fromLocal(y, m, d, planned.second);
      const id = uuidFor(index, shape.seed);
      const previous = lastCard[h]!;
      const isExtension =
        previous >= 0 && lastOpen[h] === 1 && issuedAt < lastExpires[h]! && level === 2 && rng.chance(0.5);
      let seq = holderCardSeq[h]!;
      if (!isExtension && (seq < 0 || rng.chance(0.4))) seq = cardSeq++;
      holderCardSeq[h] = seq;
      let cardNumber = cardNumberFor(seq);
      if (rng.chance(0.0003)) cardNumber = cardNumberFor(rng.int(Math.max(1, cardSeq))); // reused: violation
      if (rng.chance(0.0005)) cardNumber = `1234${cardNumber.slice(7)}`; // unusual format: warning
      const expiresAt = addLocalDaysFast(issuedAt, validityDays(rng, level));
      const ended = rng.chance(0.25);
      const endedAt = ended
        ? issuedAt + Math.max(HOUR, Math.floor(rng.next() * (expiresAt - issuedAt)))
        : null;
      if (isExtension) extend(uuidFor(previous, shape.seed), issuedAt);
      const nameIndex = holderName[h]!;
      const reasonCode: ReasonCode =
        level === 2
          ? rng.chance(0.03)
            ? 'other'
            : rng.pick(L2_REASONS)
          : rng.pick(REASON_CODES.slice(0, 6));
      const admin = rng.int(ADMINISTRATORS.length);
      const issuedBy =
        level === 3 && !rng.chance(0.002)
          ? [ADMINISTRATORS[admin]!, ADMINISTRATORS[(admin + 1) % ADMINISTRATORS.length]!]
          : [ADMINISTRATORS[admin]!];
      const organisation = organisations[holderOrg[h]!]!;
      emit({
        id,
        organisationHsaId: organisation.hsaId,
        assuranceLevel: level,
        cardNumber,
        holderHsaId: `SE${organisation.digits}-H${h.toString(36).toUpperCase()}`,
        holderName: `${FIRST_NAMES[Math.floor(nameIndex / SURNAMES.length)]!} ${SURNAMES[nameIndex % SURNAMES.length]!}`,
        holderIdType,
        unplannedPersonnel: level === 2 ? (rng.chance(0.002) ? 0 : 1) : null,
        issuedAt,
        expiresAt,
        reasonCode,
        reasonText: reasonCode === 'other' ? 'Kortet kvar i annan arbetsplats skåp' : '',
        issuedBy: JSON.stringify(issuedBy),
        extendsCardId: isExtension ? uuidFor(previous, shape.seed) : null,
        endedAt,
        endReason: ended ? (rng.chance(0.85) ? 'returned' : 'revoked') : null,
        voidedAt: rng.chance(0.001) ? issuedAt + HOUR : null,
      });
      lastCard[h] = index;
      lastExpires[h] = ended ? endedAt! : expiresAt;
      lastOpen[h] = ended ? 0 : 1;
      index++;
    }
  }
  return { holders };
}
