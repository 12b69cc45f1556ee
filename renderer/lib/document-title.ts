import { useEffect, useRef } from 'react';

interface Entry {
  order: number;
  title: string;
}

// The titles asked for by what is on screen, the latest opened last: the page, then the
// drawer opened over it. Closing the drawer gives the page's title back.
const entries = new Set<Entry>();
let opened = 0;
let fallback = '';

function apply(): void {
  let top: Entry | undefined;
  for (const entry of entries) if (!top || entry.order > top.order) top = entry;
  document.title = top?.title ?? (fallback || document.title);
}

/**
 * Sets `document.title` while the component is mounted and `title` is not null ("Register –
 * Kortliggaren"). What was opened later wins (a drawer over its page); a changed title
 * (another language) keeps its place.
 */
export function useDocumentTitle(title: string | null): void {
  const order = useRef(0);
  useEffect(() => {
    if (title === null) return;
    fallback ||= document.title;
    if (order.current === 0) order.current = ++opened;
    const entry = { order: order.current, title };
    entries.add(entry);
    apply();
    return () => {
      entries.delete(entry);
      apply();
    };
  }, [title]);
  useEffect(
    () => () => {
      order.current = 0;
    },
    [],
  );
}

/** The window title for a page or dialog: its own name, then the product's. */
export function windowTitle(name: string, product: string): string {
  return `${name} – ${product}`;
}
