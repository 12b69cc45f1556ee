import type { RowError } from './import';

// The messages between importCsv and its worker (import-worker.ts). The worker posts them
// in this order: `opened` or `refused`, then one `step` per step of rows; `failed` ends it
// at any point (also posted by the boot file when the worker's script cannot load). Steps
// travel as JSON text: cheaper to receive than a structured clone of a thousand objects.

export type ImportWorkerMessage =
  | { kind: 'opened'; size: number }
  | { kind: 'refused'; errors: RowError[] }
  | { kind: 'step'; start: number; json: string }
  | { kind: 'failed'; message: string };

/** What the worker is started with. */
export interface ImportWorkerData {
  text: string;
  rowsPerStep: number;
  /** How many steps the worker may be ahead of the reader. */
  lookahead: number;
}
