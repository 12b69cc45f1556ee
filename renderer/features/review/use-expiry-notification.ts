import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../shared/time/stockholm';
import { useApi } from '../../ipc/client';

/**
 * On app start, a desktop notification when cards expire within 24 hours. Uses the
 * browser Notification API (which Electron provides); asks for permission only if the
 * API exists, and stays silent when it does not or permission is refused.
 */
export function useExpiryNotification(onClick?: () => void): void {
  const api = useApi();
  const { t } = useTranslation('ui');

  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.Notification === 'undefined') return;
    let live = true;
    void (async () => {
      const result = await api['review:lists']({ now: formatInstant(Date.now()), withinHours: 24, limit: 1 });
      if (!live || !result.ok || result.value.expiringSoonTotal === 0) return;
      const count = result.value.expiringSoonTotal;
      try {
        let permission = Notification.permission;
        if (permission === 'default') permission = await Notification.requestPermission();
        if (!live || permission !== 'granted') return;
        const notification = new Notification(t('review.notification.title', { count }), {
          body: t('review.notification.body'),
        });
        if (onClick) notification.onclick = onClick;
      } catch {
        // A notification is a courtesy: never let it disturb the start.
      }
    })();
    return () => {
      live = false;
    };
    // Only once per start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);
}
