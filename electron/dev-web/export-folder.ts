import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ChooseExportPath } from '../ipc/handlers';

/**
 * The browser mode's stand-in for the save dialog: exports go to a fixed folder under the
 * suggested name, so the page never names a path. The export service still checks the
 * result like any chosen file (an export folder set to the backups folder is refused).
 */
export function exportFolderChooser(exportDir: string): ChooseExportPath {
  return (suggestedName) => {
    mkdirSync(exportDir, { recursive: true });
    return Promise.resolve(join(exportDir, suggestedName));
  };
}
