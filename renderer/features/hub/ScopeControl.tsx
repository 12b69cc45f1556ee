import { Group, SegmentedControl } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useHubStatus } from './use-hub-status';

/** What the register and the report show: this station's own cards, or the whole region's. */
export type Scope = 'desk' | 'region';

// Kept for the session, so the register and the report keep the choice between pages.
let chosen: Scope = 'desk';
const listeners = new Set<() => void>();

function setScope(scope: Scope): void {
  chosen = scope;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The scope chosen, and whether the choice is offered at all: only a register that has
 * joined a regional hub has a region to show; otherwise the scope is always 'desk'.
 */
export function useScope(): { scope: Scope; offered: boolean; setScope: (scope: Scope) => void } {
  const { status } = useHubStatus();
  const stored = useSyncExternalStore(subscribe, () => chosen);
  const offered = status !== null && status.state !== 'off';
  return { scope: offered ? stored : 'desk', offered, setScope };
}

/** Props of {@link ScopeControl}. */
export interface ScopeControlProps {
  scope: Scope;
  onChange: (scope: Scope) => void;
}

/** "Den här kortstationen" | "Hela regionen": a segmented control in the page header. */
export function ScopeControl({ scope, onChange }: ScopeControlProps) {
  const { t } = useTranslation('ui');
  return (
    <SegmentedControl
      aria-label={t('hub.scope.label')}
      value={scope}
      onChange={(value) => onChange(value === 'region' ? 'region' : 'desk')}
      data={[
        { value: 'desk', label: t('hub.scope.desk') },
        { value: 'region', label: t('hub.scope.region') },
      ]}
      size="sm"
    />
  );
}

/**
 * The scope switch as a row of its own above a page's heading, right-aligned like a view
 * switcher, so the heading and its actions keep their room.
 */
export function ScopeBar(props: ScopeControlProps) {
  return (
    <Group justify="flex-end" mb={-4}>
      <ScopeControl {...props} />
    </Group>
  );
}
