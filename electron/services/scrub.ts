/** Replaces an erased holder's identifiers wherever they occur in stored text. */
export interface Scrubber {
  /** The pseudonym for a holder HSA-id exactly as stored, if that holder is being erased. */
  pseudonymOf(holderHsaId: string): string | undefined;
  /** The text with every erased HSA-id (any case) replaced by its pseudonym and every name by the marker. */
  text(text: string): string;
  /**
   * The same for every string inside a JSON value (object keys are left alone). Top-level
   * keys in `keep` are not touched: a namesake's own name in a snapshot of their card.
   */
  value(value: unknown, keep?: ReadonlySet<string>): unknown;
}

// Shorter names would wipe ordinary words out of unrelated notes ("Al", "Bo").
const MIN_NAME_LENGTH = 3;

function escapeRegExp(text: string): string {
  // Only the syntax characters: with the `u` flag any other escape is an error.
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);
}

/**
 * Builds the replacement for one erasure run. Matching is case-insensitive: a note that
 * says "anna åberg" names the same person as "Anna Åberg".
 */
export function createScrubber(
  pseudonyms: ReadonlyMap<string, string>,
  names: readonly string[],
  marker: string,
): Scrubber {
  const byLower = new Map<string, string>();
  for (const [hsaId, pseudonym] of pseudonyms) byLower.set(hsaId.toLowerCase(), pseudonym);
  const tokens = [
    ...pseudonyms.keys(),
    ...names.filter((n) => [...n].length >= MIN_NAME_LENGTH && n !== marker),
  ].sort((a, b) => b.length - a.length);
  // Longest first, so "Anna Åberg-Lind" is replaced whole before "Anna Åberg" could match.
  const pattern = tokens.length > 0 ? new RegExp(tokens.map(escapeRegExp).join('|'), 'giu') : undefined;
  const text = (s: string): string =>
    pattern ? s.replace(pattern, (m) => byLower.get(m.toLowerCase()) ?? marker) : s;
  const value = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(value);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, value(inner)]));
    }
    return v;
  };
  const top = (v: unknown, keep?: ReadonlySet<string>): unknown => {
    if (!keep || keep.size === 0 || v === null || typeof v !== 'object' || Array.isArray(v)) return value(v);
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, keep.has(k) ? inner : value(inner)]));
  };
  return { pseudonymOf: (hsaId) => pseudonyms.get(hsaId), text, value: top };
}
