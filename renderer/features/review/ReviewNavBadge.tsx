import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReviewCount } from './use-review-lists';

/**
 * The number of cards to follow up, beside "Att följa upp" in the menu; nothing at zero,
 * and 999+ above that, so the menu keeps its width (the exact number is in its label).
 */
export function ReviewNavBadge() {
  const { t, i18n } = useTranslation('ui');
  const count = useReviewCount();
  if (!count) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      color="red"
      variant="filled"
      aria-label={t('review.navBadge', { count, formatted: count.toLocaleString(i18n.language) })}
      data-testid="review-nav-badge"
    >
      {count > 999 ? '999+' : count}
    </Badge>
  );
}
