import { Stack } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RegionRegister } from './RegionRegister';
import { ScopeBar, type Scope } from './ScopeControl';

// This station's own cards open in the register's own drawer, with their actions.
const CardDrawer = lazy(() => import('../register/CardDrawer').then((m) => ({ default: m.CardDrawer })));

/** Props of {@link RegionRegisterPage}. */
export interface RegionRegisterPageProps {
  /** The own card whose drawer is open (from the address), or null. */
  cardId: string | null;
  onOpenCard: (cardId: string | null) => void;
  onScope: (scope: Scope) => void;
}

/** The register page in "Hela regionen": the region's cards, and own cards' drawer. */
export function RegionRegisterPage({ cardId, onOpenCard, onScope }: RegionRegisterPageProps) {
  const { t } = useTranslation('ui');
  const [drawerUsed, setDrawerUsed] = useState(cardId !== null);
  if (cardId !== null && !drawerUsed) setDrawerUsed(true);
  return (
    <Stack gap="md">
      <ScopeBar scope="region" onChange={onScope} />
      <PageHeader title={t('hub.register.title')} description={t('hub.register.intro')} />
      <RegionRegister onOpenOwnCard={(id) => onOpenCard(id)} />
      {drawerUsed && (
        <Suspense fallback={null}>
          <CardDrawer cardId={cardId} onClose={() => onOpenCard(null)} />
        </Suspense>
      )}
    </Stack>
  );
}
