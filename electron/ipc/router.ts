import { toFieldErrors } from '../../shared/domain/errors';
import { contract, type Channel, type ChannelArgs, type ChannelOutput } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { classifySystemError } from '../services/system-errors';
import { AppError } from '../services/app-error';

/** One function per channel; each receives input already parsed by the contract. */
export type Handlers = {
  [C in Channel]: (args: ChannelArgs<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

/** What a transport knows about the caller. */
export interface CallContext {
  /** False when the call came from anywhere but the app's own top-level page. */
  trustedSender: boolean;
}

export interface Router {
  invoke(channel: string, input: unknown, context: CallContext): Promise<IpcResult<unknown>>;
}

/** Logs unexpected failures; the caller gets only a generic message. */
export type ErrorLogger = (channel: string, error: unknown) => void;

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The one entry point for every call from the UI, whatever the transport (Electron IPC,
 * loopback HTTP in the browser mode, tests): checks the sender, parses the input with the
 * contract, runs the handler and wraps the outcome in `{ ok, value | error }`.
 */
export function createRouter(
  handlers: Handlers,
  logError: ErrorLogger = () => {},
  options: { dataDir?: string } = {},
): Router {
  return {
    async invoke(channel, input, context) {
      if (!context.trustedSender) {
        return { ok: false, error: { code: 'forbidden-sender', message: 'forbidden sender' } };
      }
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: 'unknown channel' } };
      }
      const parsed = contract[channel].input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: 'invalid input', fields: toFieldErrors(parsed.error) },
        };
      }
      try {
        const handler = handlers[channel] as (args: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof AppError) {
          return {
            ok: false,
            error: error.fields
              ? { code: error.code, message: error.message, fields: error.fields }
              : { code: error.code, message: error.message },
          };
        }
        logError(channel, error);
        // A full disk, a busy or read-only register: a code the UI explains, not 'internal'.
        const fault = classifySystemError(error, options.dataDir);
        if (fault) return { ok: false, error: { code: fault.code, message: fault.message } };
        return { ok: false, error: { code: 'internal', message: 'internal error' } };
      }
    },
  };
}
