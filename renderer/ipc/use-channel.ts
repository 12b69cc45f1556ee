import { useCallback, useEffect, useEffectEvent, useState, type DependencyList } from 'react';
import type { Api } from '../../shared/ipc/api';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { useApi } from './ApiProvider';

/**
 * Reads something from the back end: usually one channel (`(api) => api['cards:get']({ id })`),
 * or several combined into one envelope. The signal is aborted when the answer is no longer
 * wanted (a later call, or the component is gone), for loaders that do more after an await.
 */
export type ChannelLoader<T> = (api: Api, signal: AbortSignal) => Promise<IpcResult<T>>;

/** What {@link useChannel} knows of the latest answer. */
export interface ChannelState<T> {
  /** The latest answer's value; kept while a newer call is on its way, null after a failure. */
  data: T | null;
  /** The latest answer's error, null after a success. */
  error: IpcError | null;
  /** True from a call until its answer has come (never while the loader is `null`). */
  loading: boolean;
  /** Calls again with the same arguments (after a change the page knows of). */
  reload: () => void;
}

/** Options of {@link useChannel}. */
export interface ChannelOptions<T> {
  /** Runs once with every successful answer that is still wanted, e.g. to seed a form. */
  onData?: (value: T) => void;
}

interface Answer<T> {
  call: number;
  data: T | null;
  error: IpcError | null;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

async function settle<T>(run: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    return await run();
  } catch (error) {
    // The API object never throws; a loader that combines calls might.
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : 'failed' },
    };
  }
}

/**
 * Calls `load` when the component mounts and again whenever one of `deps` changes (or
 * `reload` is called), and keeps the latest answer. Only the latest call counts: an answer
 * that comes after a later call, or after the component is gone, is dropped. Pass `null` as
 * the loader to call nothing (e.g. while no card is open); the last answer is kept.
 */
export function useChannel<T>(
  load: ChannelLoader<T> | null,
  deps: DependencyList,
  options: ChannelOptions<T> = {},
): ChannelState<T> {
  const api = useApi();
  const enabled = load !== null;
  const keys = [api, enabled, ...deps];

  // Each call has a number; a change of the keys (or a reload) starts the next one. Kept in
  // state and adjusted during render, so `loading` is right in the very render that changed.
  const [tracked, setTracked] = useState({ keys, call: 0 });
  let call = tracked.call;
  if (!sameDeps(tracked.keys, keys)) {
    call += 1;
    setTracked({ keys, call });
  }
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  const run = useEffectEvent((signal: AbortSignal) =>
    load ? settle(() => load(api, signal)) : Promise.resolve(null),
  );
  const received = useEffectEvent((value: T) => options.onData?.(value));

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    void run(controller.signal).then((result) => {
      if (controller.signal.aborted || result === null) return;
      setAnswer({ call, data: result.ok ? result.value : null, error: result.ok ? null : result.error });
      if (result.ok) received(result.value);
    });
    return () => controller.abort();
  }, [call, enabled]);

  const reload = useCallback(() => setTracked((t) => ({ keys: t.keys, call: t.call + 1 })), [setTracked]);

  return {
    data: answer?.data ?? null,
    error: answer?.error ?? null,
    loading: enabled && answer?.call !== call,
    reload,
  };
}
