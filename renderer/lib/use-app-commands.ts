import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { getBridge } from '../ipc/client';
import type { MenuCommand } from '../../shared/ipc/bridge';

/** What the app does for each command, whether it comes from a shortcut or the menu. */
export type CommandHandlers = Partial<Record<MenuCommand, () => void>>;

/**
 * Keyboard shortcuts (Ctrl/Cmd+N: new card, Ctrl/Cmd+F: search the register), also while
 * typing in a field, and the desktop menu's commands when the Electron bridge is there.
 * Commands without a handler yet (report, backup) are ignored until their pages exist.
 */
export function useAppCommands(handlers: CommandHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useHotkeys(
    [
      ['mod+N', () => latest.current['new-card']?.()],
      ['mod+F', () => latest.current.search?.()],
    ],
    [],
  );

  useEffect(() => {
    const bridge = getBridge();
    if (!bridge) return;
    return bridge.onMenuCommand((command) => latest.current[command]?.());
  }, []);
}
