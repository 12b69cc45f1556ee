import { useEffect, useRef } from 'react';

const EVENT = 'kortliggaren:cards-changed';

/** Tells every open view (register, review lists, navigation badge) that cards changed. */
export function notifyCardsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `onChange` whenever a card was changed somewhere in this window. */
export function useCardsChanged(onChange: () => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const listener = () => latest.current();
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}
