import { VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingOut } from '../../../shared/ipc/contract';
import type { Verdict } from './use-verdict';

type Announced = ReadonlyMap<FindingOut['code'], FindingOut['severity']>;

/** What changed between two verdicts: findings that came, and findings that went. */
export function verdictChanges(before: Announced, findings: readonly FindingOut[]) {
  const now: Announced = new Map(findings.map((f) => [f.code, f.severity]));
  const added = findings.filter((f) => before.get(f.code) !== f.severity);
  const resolved = [...before.keys()].filter((code) => !now.has(code));
  return { now, added, resolved };
}

/**
 * The verdict's live region: says only what changed ("Ny avvikelse: …", "Åtgärdad: …"),
 * and only for a verdict on the form as it is now. While a new verdict is on its way the
 * panel still shows the last one; nothing is said about it, so a finding the desk has
 * just corrected is never read out again.
 */
export function VerdictAnnouncer({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation('ui');
  // Worked out while rendering, once per new verdict (React's "state from the previous
  // render" pattern): what was said last, and the findings it was about.
  const [said, setSaid] = useState<{ verdict: Verdict | null; announced: Announced; message: string }>({
    verdict: null,
    announced: new Map(),
    message: '',
  });
  if (said.verdict !== verdict) {
    if (verdict.state !== 'ready') {
      // What was said is out of date: a screen reader that reads the region finds it empty.
      setSaid({ verdict, announced: said.announced, message: '' });
    } else {
      const { now, added, resolved } = verdictChanges(said.announced, verdict.findings);
      const name = (code: string) => t(`verdict.code.${code}`);
      const parts = [
        ...added.map((f) =>
          t(f.severity === 'violation' ? 'a11y.verdictViolation' : 'a11y.verdictWarning', {
            name: name(f.code),
          }),
        ),
        ...resolved.map((code) => t('a11y.verdictResolved', { name: name(code) })),
      ];
      if (parts.length > 0 && now.size === 0) parts.push(t('verdict.clean'));
      setSaid({ verdict, announced: now, message: parts.join('. ') });
    }
  }

  return (
    <VisuallyHidden role="status" aria-live="polite" aria-atomic="true" data-testid="verdict-announcement">
      {said.message}
    </VisuallyHidden>
  );
}
