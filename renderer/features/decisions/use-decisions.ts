import type { Decision } from '../../../shared/domain/decision';
import { useChannel } from '../../ipc/use-channel';

/** The decisions as the back end has them: null while loading, 'failed' when unreadable. */
export function useDecisions() {
  const { data, error, reload } = useChannel((api) => api['decisions:list']({}), []);
  const decisions: Decision[] | null | 'failed' = error ? 'failed' : data;
  return { decisions, reload };
}
