import { defaultSend } from './ipc/raw-send';
import { startupCalls } from './startup-calls';

// The page's first module (index.html loads it before main.tsx): it sends the first
// screen's calls while React and the rest of the app are still loading and compiling. It
// imports nothing heavy, so it runs as soon as the page has parsed.

/** When the start-up calls were sent. */
export const bootStartedAt = Date.now();

const send = defaultSend();

/** The first screen's calls with their raw answers (main.tsx checks them as envelopes). */
export const bootCalls = startupCalls(window.location.hash).map((call) => {
  const reply = send(call.channel, call.input);
  // A failure is seen when the answer is taken; until then it is not an unhandled one.
  reply.catch(() => {});
  return { ...call, reply };
});
