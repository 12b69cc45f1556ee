import type { Migration } from './types';

/**
 * Seeds E-hälsomyndighetens decision of 2025-11-04 and the default settings, so a new
 * desk starts with the rules in force. Later decisions are added as data by the desk.
 */
export const migration002: Migration = {
  version: 2,
  name: 'default-decision',
  up: `
    INSERT INTO decisions (id, title, from_date, to_date, max_validity_days, without_personnummer_until, created_at)
    VALUES ('ehm-2025-11-04', 'E-hälsomyndighetens beslut 2025-11-04 (reservkort tillitsnivå 2)',
            '2025-12-01', '2026-06-30', 14, '2026-03-31', 0)
    ON CONFLICT (id) DO NOTHING;
    INSERT INTO settings (key, value) VALUES
      ('officeHours', '{"start":"08:00","end":"17:00"}'),
      ('closedDays', '[]'),
      ('expiringSoonHours', '48')
    ON CONFLICT (key) DO NOTHING;
  `,
};
