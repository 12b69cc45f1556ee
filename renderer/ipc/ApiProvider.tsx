import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../../shared/ipc/api';

const ApiContext = createContext<Api | null>(null);

/** Props of {@link ApiProvider}. */
export interface ApiProviderProps {
  /** The typed API object every component below talks to (tests pass one on their own transport). */
  api: Api;
  children: ReactNode;
}

/** Makes the typed back-end API available to the component tree. */
export function ApiProvider({ api, children }: ApiProviderProps) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed API object from the nearest {@link ApiProvider}. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}
