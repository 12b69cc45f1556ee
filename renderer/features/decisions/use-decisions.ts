import { useCallback, useEffect, useState } from 'react';
import type { Decision } from '../../../shared/domain/decision';
import { useApi } from '../../ipc/client';

/** The decisions as the back end has them: null while loading, 'failed' when unreadable. */
export function useDecisions() {
  const api = useApi();
  const [decisions, setDecisions] = useState<Decision[] | null | 'failed'>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void api['decisions:list']({}).then((result) => {
      if (live) setDecisions(result.ok ? result.value : 'failed');
    });
    return () => {
      live = false;
    };
  }, [api, version]);

  const reload = useCallback(() => setVersion((n) => n + 1), []);
  return { decisions, reload };
}
