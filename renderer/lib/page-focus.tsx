import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';

/**
 * Where the keyboard focus goes once the page it belongs to is on screen: the page's h1
 * after a page change, the form's first field after Ctrl/Cmd+N, the register's search
 * after Ctrl/Cmd+F.
 */
export type FocusTarget = 'heading' | 'first-field' | 'search';

/** One request to move the focus; a new id is a new request. */
export interface FocusRequest {
  id: number;
  target: FocusTarget;
}

interface PageFocusValue {
  request: FocusRequest;
  /** The id of the last request carried out, shared by every element that could take it. */
  handledRef: { current: number };
}

const PageFocusContext = createContext<PageFocusValue>({
  request: { id: 0, target: 'heading' },
  handledRef: { current: 0 },
});

/** Props of {@link PageFocusProvider}. */
export interface PageFocusProviderProps {
  request: FocusRequest;
  /** Shared with the App, which needs to know whether a request is still waiting. */
  handledRef: { current: number };
  children: ReactNode;
}

/** Hands the App's focus request to whichever element of the page can take it. */
export function PageFocusProvider({ request, handledRef, children }: PageFocusProviderProps) {
  return <PageFocusContext.Provider value={{ request, handledRef }}>{children}</PageFocusContext.Provider>;
}

/**
 * Focuses `ref`'s element when a request for `target` is waiting — now, or as soon as the
 * element is mounted (a page loads lazily, so its elements come after the request). Each
 * request is carried out once, so an element that mounts again later does not take the
 * focus back. `ready` delays it while the element is not yet usable.
 */
export function useFocusTarget(
  target: FocusTarget,
  ref: RefObject<HTMLElement | null> | (() => HTMLElement | null),
  ready = true,
): void {
  const { request, handledRef } = useContext(PageFocusContext);
  useEffect(() => {
    if (!ready || request.target !== target || request.id <= handledRef.current) return;
    const element = typeof ref === 'function' ? ref() : ref.current;
    if (!element) return;
    handledRef.current = request.id;
    element.focus();
  }, [request, handledRef, target, ref, ready]);
}

/** A ref and {@link useFocusTarget} in one, for a component that owns its element. */
export function useFocusTargetRef<T extends HTMLElement>(
  target: FocusTarget,
  ready = true,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  useFocusTarget(target, ref, ready);
  return ref;
}
