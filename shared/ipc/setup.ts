import { z } from 'zod';
import { OfficeHours } from '../domain/settings';
import { textField } from '../domain/text';

/**
 * Output of `setup:status`: whether the first-run setup still has to be done (no desk name
 * or no desk user stored yet), what is stored, and the office hours in force (the defaults
 * until the desk changes them), so the form can start from them.
 */
export const SetupStatus = z.object({
  needed: z.boolean(),
  deskName: z.string().nullable(),
  deskUser: z.string().nullable(),
  officeHours: OfficeHours,
});
export type SetupStatus = z.infer<typeof SetupStatus>;

/**
 * Input of `setup:complete`: the region's or desk's name (shown in the report's "Om
 * rapporten"), the desk user recorded in the audit log, and the office hours the rules use.
 */
export const SetupInput = z.strictObject(
  {
    deskName: textField(1, 100),
    deskUser: textField(1, 100),
    officeHours: OfficeHours,
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? 'field.unknown' : 'type.object') },
);
export type SetupInput = z.output<typeof SetupInput>;
