import { z } from 'zod';
import { HsaId } from './card';
import { textField } from './text';

/** An Inera customer organisation, identified by its HSA-id. */
export const Organisation = z.object({ hsaId: z.string(), name: z.string() });
export type Organisation = z.infer<typeof Organisation>;

/** An organisation as it arrives in an import file. */
export const OrganisationInput = z.strictObject({ hsaId: HsaId, name: textField(1, 200) });
export type OrganisationInput = z.output<typeof OrganisationInput>;

/** A corrected name for an organisation (`organisations:rename`, the CLI's `organisations rename`). */
export const OrganisationRenameInput = z.strictObject({ hsaId: HsaId, name: textField(1, 200) });
export type OrganisationRenameInput = z.output<typeof OrganisationRenameInput>;
