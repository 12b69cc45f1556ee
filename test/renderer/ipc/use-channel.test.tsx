import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Api } from '../../../shared/ipc/api';
import type { IpcResult } from '../../../shared/ipc/result';
import { ApiProvider } from '../../../renderer/ipc/ApiProvider';
import { useChannel } from '../../../renderer/ipc/use-channel';

/** A call whose answer the test gives when it likes. */
interface Pending {
  input: string;
  answer: (result: IpcResult<string>) => void;
}

/** An API object whose one channel answers only when told to, and records each call. */
function fakeApi() {
  const pending: Pending[] = [];
  const api = {
    'audit:list': (input: string) =>
      new Promise<IpcResult<string>>((answer) => pending.push({ input, answer })),
  } as unknown as Api;
  const wrapper = ({ children }: { children: ReactNode }) => <ApiProvider api={api}>{children}</ApiProvider>;
  return { pending, wrapper };
}

type Call = (input: string) => Promise<IpcResult<string>>;
const channel = (api: Api) => api['audit:list'] as unknown as Call;
/** Gives a pending call its answer and lets React take it in. */
async function answer(call: Pending, result: IpcResult<string>): Promise<void> {
  await act(async () => {
    call.answer(result);
    await Promise.resolve();
  });
}

const ok = (value: string): IpcResult<string> => ({ ok: true, value });

describe('useChannel', () => {
  it('keeps the answer of the latest call and drops an earlier one that comes later', async () => {
    const { pending, wrapper } = fakeApi();
    const onData = vi.fn();
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => useChannel((api) => channel(api)(id), [id], { onData }),
      { wrapper, initialProps: { id: 'a' } },
    );
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(pending).toHaveLength(1));
    rerender({ id: 'b' });
    await waitFor(() => expect(pending).toHaveLength(2));
    expect(pending.map((p) => p.input)).toEqual(['a', 'b']);

    await answer(pending[1]!, ok('answer b'));
    await waitFor(() => expect(result.current.data).toBe('answer b'));
    expect(result.current.loading).toBe(false);

    // The first call's answer comes last: it is no longer wanted.
    await answer(pending[0]!, ok('answer a'));
    expect(result.current.data).toBe('answer b');
    expect(onData.mock.calls).toEqual([['answer b']]);
  });

  it('surfaces an error, and a reload that succeeds clears it', async () => {
    const { pending, wrapper } = fakeApi();
    const { result } = renderHook(() => useChannel((api) => channel(api)('x'), []), { wrapper });
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(pending[0]!, { ok: false, error: { code: 'not-found', message: 'borta' } });
    await waitFor(() => expect(result.current.error).toEqual({ code: 'not-found', message: 'borta' }));
    expect(result.current.data).toBeNull();
    expect(result.current.loading).toBe(false);

    act(() => result.current.reload());
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(pending).toHaveLength(2));
    await answer(pending[1]!, ok('igen'));
    await waitFor(() => expect(result.current.data).toBe('igen'));
    expect(result.current.error).toBeNull();
  });

  it('keeps the last value while a reload is on its way', async () => {
    const { pending, wrapper } = fakeApi();
    const { result } = renderHook(() => useChannel((api) => channel(api)('x'), []), { wrapper });
    await waitFor(() => expect(pending).toHaveLength(1));
    await answer(pending[0]!, ok('först'));
    act(() => result.current.reload());
    await waitFor(() => expect(pending).toHaveLength(2));
    expect(result.current).toMatchObject({ data: 'först', loading: true });
  });

  it('turns a loader that throws into an internal error', async () => {
    const { wrapper } = fakeApi();
    const { result } = renderHook(() => useChannel(() => Promise.reject(new Error('trasig')), []), {
      wrapper,
    });
    await waitFor(() => expect(result.current.error).toEqual({ code: 'internal', message: 'trasig' }));
  });

  it('ignores an answer that comes after the component is gone', async () => {
    const { pending, wrapper } = fakeApi();
    const onData = vi.fn();
    const { unmount } = renderHook(() => useChannel((api) => channel(api)('x'), [], { onData }), { wrapper });
    await waitFor(() => expect(pending).toHaveLength(1));
    unmount();
    await answer(pending[0]!, ok('för sent'));
    expect(onData).not.toHaveBeenCalled();
  });

  it('calls nothing while the loader is null', async () => {
    const { pending, wrapper } = fakeApi();
    const { result, rerender } = renderHook(
      ({ id }: { id: string | null }) => useChannel(id ? (api) => channel(api)(id) : null, [id]),
      { wrapper, initialProps: { id: null as string | null } },
    );
    expect(result.current.loading).toBe(false);
    rerender({ id: 'c' });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(pending.map((p) => p.input)).toEqual(['c']));
  });
});
