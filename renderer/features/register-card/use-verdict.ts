import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelInput, FindingOut } from '../../../shared/ipc/contract';
import { useApi } from '../../ipc/client';
import type { CardFormValues } from './form-state';
import { buildCardInput, toFindingsDraft } from './to-card-input';

/** How long the verdict waits after the last keystroke before asking the back end. */
export const VERDICT_DEBOUNCE_MS = 150;

/** The live verdict on the form as typed. */
export type Verdict =
  | { state: 'incomplete' }
  | { state: 'pending'; findings: FindingOut[] | null }
  | { state: 'ready'; findings: FindingOut[] }
  | { state: 'failed' };

/** The `findings:preview` input for the form as typed (only what the rules read), as JSON, or null. */
function draftKey(values: CardFormValues): string | null {
  const built = buildCardInput(values, false);
  const draft = built.ok ? toFindingsDraft(built.draft) : null;
  return draft ? JSON.stringify(draft) : null;
}

/**
 * Asks `findings:preview` for the rules' verdict on the form, debounced; an answer to an
 * older state of the form that arrives late is dropped. `version` forces a new verdict
 * (after a registration, the register has changed).
 */
export function useVerdict(values: CardFormValues, version = 0): Verdict {
  const api = useApi();
  // The latest answer, and the draft (and register version) it answers.
  const [answer, setAnswer] = useState<{ key: string; findings: FindingOut[] | null } | null>(null);
  const sequence = useRef(0);
  // Only a change of what the rules read asks for a new verdict.
  const key = draftKey(values);
  const answerKey = `${version}|${key}`;

  useEffect(() => {
    const ticket = ++sequence.current;
    if (key === null) return;
    const draft = JSON.parse(key) as ChannelInput<'findings:preview'>;
    const timer = setTimeout(() => {
      void api['findings:preview'](draft).then((result) => {
        // A late answer to an older state of the form is dropped.
        if (ticket !== sequence.current) return;
        setAnswer({ key: answerKey, findings: result.ok ? result.value : null });
      });
    }, VERDICT_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [api, key, answerKey]);

  return useMemo((): Verdict => {
    if (key === null) return { state: 'incomplete' };
    if (answer?.key === answerKey) {
      return answer.findings ? { state: 'ready', findings: answer.findings } : { state: 'failed' };
    }
    return { state: 'pending', findings: answer?.findings ?? null };
  }, [key, answer, answerKey]);
}

/** The findings a verdict currently shows (the last known while a new one is on its way). */
export function verdictFindings(verdict: Verdict): FindingOut[] {
  if (verdict.state === 'ready') return verdict.findings;
  if (verdict.state === 'pending') return verdict.findings ?? [];
  return [];
}
