import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReviewCount } from './use-review-lists';

/** The number of cards to follow up, beside "Att följa upp" in the menu; nothing at zero. */
export function ReviewNavBadge() {
  const { t } = useTranslation('ui');
  const count = useReviewCount();
  if (!count) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color="red"
      variant="filled"
      aria-label={t('review.navBadge', { count })}
      data-testid="review-nav-badge"
    >
      {count}
    </Badge>
  );
}
