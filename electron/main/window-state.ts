import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between runs: the normal (unmaximised) bounds and whether maximised. */
export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** The name of the state file inside the data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';

// A title-bar-sized strip must be on a screen, or the user cannot grab the window.
const MIN_VISIBLE_WIDTH = 100;
const MIN_VISIBLE_HEIGHT = 50;

function isFiniteInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1_000_000;
}

function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { bounds, maximized } = value as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null || typeof maximized !== 'boolean') return undefined;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!isFiniteInteger(x) || !isFiniteInteger(y) || !isFiniteInteger(width) || !isFiniteInteger(height)) {
    return undefined;
  }
  if (width <= 0 || height <= 0) return undefined;
  return { bounds: { x, y, width, height }, maximized };
}

/**
 * Reads the remembered window state. A missing, unreadable or corrupt file yields
 * undefined: the window then opens at its default size, which beats failing to start.
 */
export function readWindowState(file: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/**
 * Writes the window state atomically (temporary file, fsync, rename) so a crash or power
 * cut mid-write leaves the previous state rather than half a file.
 */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/**
 * True when the window's top edge lies on some display's work area and enough of the
 * window shows there to grab it. Guards against a monitor that was unplugged since the
 * state was saved.
 */
export function isVisibleOnSomeDisplay(bounds: Bounds, workAreas: readonly Bounds[]): boolean {
  return workAreas.some((area) => {
    const topEdgeInside = bounds.y >= area.y && bounds.y <= area.y + area.height - MIN_VISIBLE_HEIGHT;
    const visible = overlap(bounds, area);
    return (
      topEdgeInside &&
      visible.width >= Math.min(MIN_VISIBLE_WIDTH, bounds.width) &&
      visible.height >= Math.min(MIN_VISIBLE_HEIGHT, bounds.height)
    );
  });
}

/**
 * The bounds to open the window with: the remembered ones when they are visible, never
 * smaller than the minimum size; otherwise undefined (let the window centre itself).
 */
export function chooseRestoredBounds(
  state: WindowState | undefined,
  workAreas: readonly Bounds[],
  minimum: { width: number; height: number },
): Bounds | undefined {
  if (!state || !isVisibleOnSomeDisplay(state.bounds, workAreas)) return undefined;
  return {
    x: state.bounds.x,
    y: state.bounds.y,
    width: Math.max(state.bounds.width, minimum.width),
    height: Math.max(state.bounds.height, minimum.height),
  };
}
