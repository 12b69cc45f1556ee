import { z } from 'zod';
import { integerField, IsoDate } from './decision';

const CLOCK_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const OFFICE_HOURS_RE = /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/;

const Clock = z
  .string({ error: (iss) => (iss.input === undefined ? 'required' : 'type.string') })
  .regex(CLOCK_RE, { message: 'clock.format' });

/** Regular office hours, local Stockholm wall-clock time; `end` is exclusive. */
export const OfficeHours = z
  .strictObject(
    { start: Clock, end: Clock },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? 'field.unknown' : 'type.object') },
  )
  // Zero-padded HH:MM strings order like the times they name.
  .refine((h) => h.start < h.end, { path: ['end'], message: 'officeHours.order' });
export type OfficeHours = z.output<typeof OfficeHours>;

/**
 * The per-installation settings the rules read. `closedDays` comes out sorted and without
 * duplicates, whatever order the desk typed them in.
 */
export const RuleSettings = z.strictObject(
  {
    officeHours: OfficeHours,
    closedDays: z
      .array(IsoDate, { error: (iss) => (iss.input === undefined ? 'required' : 'type.array') })
      .transform((days) => [...new Set(days)].sort()),
    expiringSoonHours: integerField(1, 720).default(48),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? 'field.unknown' : 'type.object') },
);
export type RuleSettings = z.output<typeof RuleSettings>;
/** The raw shape accepted on the wire, before normalisation. */
export type RuleSettingsRaw = z.input<typeof RuleSettings>;

/** Office hours 08:00–17:00, no extra closed days, "expiring soon" = 48 hours (SPEC §4). */
export const DEFAULT_SETTINGS: RuleSettings = {
  officeHours: { start: '08:00', end: '17:00' },
  closedDays: [],
  expiringSoonHours: 48,
};

/**
 * Reads office hours written `HH:MM-HH:MM` (as the CLI's `--office-hours` takes them; an
 * en dash is accepted too). Returns null for anything else, including start ≥ end; the
 * caller reports `validation.officeHours.format`.
 */
export function parseOfficeHours(text: string): OfficeHours | null {
  const m = OFFICE_HOURS_RE.exec(text);
  if (!m) return null;
  const parsed = OfficeHours.safeParse({ start: m[1], end: m[2] });
  return parsed.success ? parsed.data : null;
}

/** Minutes since midnight of an `HH:MM` clock time, for comparing with a local clock. */
export function clockMinutes(clock: string): number {
  const [h = '0', m = '0'] = clock.split(':');
  return Number(h) * 60 + Number(m);
}
