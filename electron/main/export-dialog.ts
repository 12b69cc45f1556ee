import { join } from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import type { ChooseExportPath } from '../ipc/handlers';
import type { MainTexts } from './texts';

/** What the save dialog needs from Electron, so it can be tested without it. */
export interface ExportDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The user's Documents folder (app.getPath('documents')). */
  documentsDir: () => string;
  /** The window the dialog belongs to, if one is open. */
  parent: () => BrowserWindow | undefined;
  texts: Pick<MainTexts, 'saveReportTitle' | 'saveReportFilter'>;
}

/**
 * The desktop app's way of choosing where a monthly report goes: the native save dialog,
 * suggesting the report's file name in the user's Documents folder. The main process
 * chooses the path, never the renderer.
 */
export function createExportPathChooser(deps: ExportDialogDeps): ChooseExportPath {
  return async (suggestedName, format) => {
    const options: SaveDialogOptions = {
      title: deps.texts.saveReportTitle,
      defaultPath: join(deps.documentsDir(), suggestedName),
      filters: [{ name: deps.texts.saveReportFilter[format], extensions: [format] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = deps.parent();
    const result = parent
      ? await deps.dialog.showSaveDialog(parent, options)
      : await deps.dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
