import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditListEntry } from '../../../shared/ipc/contract';
import { formatCardNumber } from '../../lib/card-number';
import { routeHash } from '../../lib/hash-route';

/**
 * "Gäller": what an audit entry is about, as a person knows it — a card by its number and
 * holder (a link to the card), an organisation by its name. The id is kept in the hover
 * title; an entry with nothing to name shows its entity and id as stored.
 */
export function AuditSubjectCell({ entry }: { entry: AuditListEntry }) {
  const { t } = useTranslation('ui');
  const { subject, entity, entityId } = entry;
  if (entity === 'card' && entityId && subject?.cardNumber) {
    return (
      <Anchor
        href={routeHash({ page: 'register', cardId: entityId })}
        title={t('a11y.auditCardId', { id: entityId })}
        size="sm"
        display="block"
      >
        <Text span ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatCardNumber(subject.cardNumber)}
        </Text>
        {subject.holderName && (
          <Text span size="sm" display="block">
            {subject.holderName}
          </Text>
        )}
      </Anchor>
    );
  }
  if (entity === 'organisation' && subject?.organisationName) {
    return (
      <Text span size="sm" title={entityId ?? undefined}>
        {subject.organisationName}
      </Text>
    );
  }
  if (entity === 'card' && entityId) {
    return (
      <Anchor href={routeHash({ page: 'register', cardId: entityId })} size="sm" ff="monospace">
        {entityId}
      </Anchor>
    );
  }
  return (
    <Text span size="sm">
      {[entity, entityId].filter(Boolean).join(' ')}
    </Text>
  );
}
