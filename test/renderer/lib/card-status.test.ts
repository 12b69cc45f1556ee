import { describe, expect, it } from 'vitest';
import { deriveCardStatus } from '../../../renderer/lib/card-status';
import { parseHash, routeHash } from '../../../renderer/lib/hash-route';
import { listRecentMonths } from '../../../renderer/lib/time';

const NOW = Date.parse('2026-02-15T12:00:00Z');
const base = { voidedAt: null, endedAt: null, endReason: null, expiresAt: '2026-02-20T10:00:00+01:00' };

describe('deriveCardStatus', () => {
  it.each([
    ['active before expiry', base, 'active'],
    ['expired at expiry', { ...base, expiresAt: '2026-02-15T13:00:00+01:00' }, 'expired'],
    [
      'returned',
      { ...base, endedAt: '2026-02-14T10:00:00+01:00', endReason: 'returned' as const },
      'returned',
    ],
    [
      'revoked even after expiry',
      {
        ...base,
        expiresAt: '2026-02-10T10:00:00+01:00',
        endedAt: '2026-02-09T10:00:00+01:00',
        endReason: 'revoked' as const,
      },
      'revoked',
    ],
    [
      'extended',
      { ...base, endedAt: '2026-02-15T08:00:00+01:00', endReason: 'extended' as const },
      'extended',
    ],
    [
      'still active before a future end',
      { ...base, endedAt: '2026-02-18T08:00:00+01:00', endReason: 'returned' as const },
      'active',
    ],
    [
      'voided above all',
      {
        ...base,
        voidedAt: '2026-02-12T08:00:00+01:00',
        endReason: 'revoked' as const,
        endedAt: '2026-02-12T08:00:00+01:00',
      },
      'voided',
    ],
  ])('%s', (_name, card, expected) => {
    expect(deriveCardStatus(card, NOW)).toBe(expected);
  });
});

describe('hash routes', () => {
  it('reads and writes the pages', () => {
    expect(parseHash('')).toEqual({ page: 'register-card' });
    expect(parseHash('#/registrera')).toEqual({ page: 'register-card' });
    expect(parseHash('#/register')).toEqual({ page: 'register', cardId: null });
    expect(parseHash('#/register/ab%2Fc')).toEqual({ page: 'register', cardId: 'ab/c' });
    expect(routeHash({ page: 'register', cardId: 'ab/c' })).toBe('#/register/ab%2Fc');
    expect(routeHash({ page: 'register-card' })).toBe('#/registrera');
  });
});

describe('listRecentMonths', () => {
  it('counts Stockholm months back from now, across a year', () => {
    // 2026-01-31 23:30 UTC is already February in Stockholm.
    const months = listRecentMonths(Date.parse('2026-01-31T23:30:00Z'), 24);
    expect(months).toHaveLength(24);
    expect(months.slice(0, 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(months.at(-1)).toBe('2024-03');
  });
});
