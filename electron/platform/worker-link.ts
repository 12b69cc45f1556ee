import { workerData, type TransferListItem } from 'node:worker_threads';
import { POSTED, TAKEN, type WorkerLink } from './worker-thread';

// The worker's side of a worker thread started with startWorker (worker-thread.ts): its
// input, and the link to a reader that may be blocked waiting for it.

/** The data the worker was started with (startWorker's `data`). */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}

function link(): WorkerLink {
  return (workerData as { link: WorkerLink }).link;
}

/** Posts a message to the reader and wakes it, should it be blocked in `next`. */
export function postToReader(message: unknown, transfer: readonly TransferListItem[] = []): void {
  const { port, signal } = link();
  port.postMessage(message, transfer);
  Atomics.add(signal, POSTED, 1);
  Atomics.notify(signal, POSTED);
}

/**
 * Blocks the worker while it is `ahead` or more messages ahead of what the reader has taken
 * (`WorkerReader.taken`): bounds what waits in memory. `posted` counts the messages this
 * worker has posted that the reader is meant to take.
 */
export function waitForReader(posted: number, ahead: number): void {
  const { signal } = link();
  for (
    let taken = Atomics.load(signal, TAKEN);
    posted - taken >= ahead;
    taken = Atomics.load(signal, TAKEN)
  ) {
    Atomics.wait(signal, TAKEN, taken);
  }
}
