import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../shared/time/stockholm';
import { useChannel } from '../../ipc/use-channel';

/**
 * On app start, a desktop notification when cards expire within 24 hours. Uses the
 * browser Notification API (which Electron provides); asks for permission only if the
 * API exists, and stays silent when it does not or permission is refused.
 */
export function useExpiryNotification(onClick?: () => void): void {
  const { t } = useTranslation('ui');
  const supported = typeof window !== 'undefined' && typeof window.Notification !== 'undefined';

  // Only once per start: no deps.
  useChannel(
    supported
      ? async (api, signal) => {
          const result = await api['review:lists']({
            now: formatInstant(Date.now()),
            withinHours: 24,
            limit: 1,
          });
          if (signal.aborted || !result.ok || result.value.expiringSoonTotal === 0) return result;
          const count = result.value.expiringSoonTotal;
          try {
            let permission = Notification.permission;
            if (permission === 'default') permission = await Notification.requestPermission();
            if (signal.aborted || permission !== 'granted') return result;
            const notification = new Notification(t('review.notification.title', { count }), {
              body: t('review.notification.body'),
            });
            if (onClick) notification.onclick = onClick;
          } catch {
            // A notification is a courtesy: never let it disturb the start.
          }
          return result;
        }
      : null,
    [],
  );
}
