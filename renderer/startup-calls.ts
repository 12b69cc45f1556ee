import type { EarlyCall } from './ipc/early-calls';
import { parseHash } from './lib/routes';
import { INITIAL_REGISTER_QUERY, pageQuery } from './features/register/register-query';

/**
 * The calls the first screen makes, with the very inputs its components use, so they can
 * be sent before React renders (see withEarlyCalls): the frame's (version, first-run
 * setup, the follow-up badge, decisions, organisations) and, when the app opens on the
 * register, its first page.
 */
export function startupCalls(hash: string): EarlyCall[] {
  const calls: EarlyCall[] = [
    { channel: 'app:info', input: {} },
    { channel: 'setup:status', input: {} },
    { channel: 'review:lists', input: { limit: 1 } },
    { channel: 'decisions:list', input: {} },
    { channel: 'organisations:list', input: {} },
  ];
  const route = parseHash(hash);
  if (route.page === 'register' && route.cardId === null)
    calls.push({ channel: 'cards:list', input: pageQuery(INITIAL_REGISTER_QUERY, 0) });
  return calls;
}
