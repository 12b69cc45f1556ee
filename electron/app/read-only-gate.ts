import { CHANNELS, type Channel } from '../../shared/ipc/contract';
import { isDamagedDatabaseError } from '../db/health';
import { AppError } from '../services/app-error';
import type { Handlers } from '../ipc/router';
import type { DatabaseStatus } from './database-state';

// Channels that only read: they keep working on a damaged database opened read-only, so
// the desk can still look a card up while a restore is arranged. A channel missing here
// (every new one, until someone decides) is refused: the safe default.
const READABLE_WHEN_DAMAGED: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'app:health',
  'backup:list',
  'backup:restore',
  'organisations:list',
  'cards:list',
  'cards:get',
  'findings:preview',
  'findings:card',
  'decisions:list',
  'settings:get',
  'report:monthly',
  'report:history',
  'review:lists',
  'audit:list',
  // The sync's state as the hub link last recorded it (the sync itself does not run), and
  // the region's cards and report as last pulled.
  'hub:status',
  'hub:settings',
  'region:cards',
  'region:card',
  'region:report',
]);

// With no database at all, only what is needed to see the state and restore a backup.
const AVAILABLE_WHEN_UNREADABLE: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'app:health',
  'backup:list',
  'backup:restore',
]);

/** The typed refusal the UI turns into the damaged-database message. */
export function databaseDamaged(): AppError {
  return new AppError('database-damaged', 'the database is damaged and open read-only');
}

type AnyHandler = (args: unknown) => unknown;

/**
 * Wraps the handlers for the database's state: unchanged when it is ok; otherwise every
 * channel that could write is refused with `database-damaged`, and a read that runs into
 * a damaged page (or a write SQLite refuses) gets the same typed error instead of 'internal'.
 */
export function gateHandlers(handlers: Handlers, status: DatabaseStatus): Handlers {
  if (status === 'ok') return handlers;
  const allowed = status === 'damaged' ? READABLE_WHEN_DAMAGED : AVAILABLE_WHEN_UNREADABLE;
  const gated: Record<string, AnyHandler> = {};
  for (const channel of CHANNELS) {
    const handler = handlers[channel] as AnyHandler;
    gated[channel] = allowed.has(channel)
      ? async (args) => {
          try {
            return await handler(args);
          } catch (error) {
            if (isDamagedDatabaseError(error)) throw databaseDamaged();
            throw error;
          }
        }
      : () => {
          throw databaseDamaged();
        };
  }
  // Every contract channel was filled in by the loop above.
  return gated as unknown as Handlers;
}
