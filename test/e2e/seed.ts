import type { Harness } from './harness';

/** Calls a channel of the running browser mode over HTTP, as the page does; throws on refusal. */
export async function callApi<T>(h: Harness, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${h.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kortliggaren': '1' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${channel} refused: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

/** Completes the first-run setup so its modal does not cover the pages under test. */
export function completeSetup(h: Harness, deskName = 'Kortdisken Test'): Promise<unknown> {
  return callApi(h, 'setup:complete', {
    deskName,
    deskUser: 'Kim Svensson',
    officeHours: { start: '08:00', end: '17:00' },
  });
}

/** Registers a card over HTTP and returns its id. */
export async function registerCard(h: Harness, card: Record<string, unknown>): Promise<string> {
  return (await callApi<{ id: string }>(h, 'cards:register', card)).id;
}

/** A valid level-3 card at the given instants (ms), with overrides. */
export function level3Card(
  cardNumber: string,
  holder: string,
  issuedAt: number,
  expiresAt: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 3,
    cardNumber,
    holderHsaId: `SE2321000016-${holder}`,
    holderName: `Person ${holder}`,
    holderIdType: 'personnummer',
    issuedAt: new Date(issuedAt).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson', 'Lena Holm'],
    ...overrides,
  };
}
