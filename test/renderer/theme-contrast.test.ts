import {
  DEFAULT_THEME,
  defaultCssVariablesResolver,
  mergeMantineTheme,
  type MantineTheme,
} from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS } from '../../renderer/lib/card-status';
import { cssVariablesResolver, theme as themeOverride } from '../../renderer/theme';

// WCAG 2.1 relative luminance and contrast ratio (1.4.3), computed here rather than taken
// from Mantine, so the test does not grade the theme with the theme's own arithmetic.
function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match
    .slice(1)
    .map((part) => parseInt(part, 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const theme: MantineTheme = mergeMantineTheme(DEFAULT_THEME, themeOverride);
const mantineVariables = defaultCssVariablesResolver(theme);
const ours = cssVariablesResolver(theme);
/** Every CSS variable of the light scheme, as the app's MantineProvider sets them. */
const variables: Record<string, string> = {
  ...mantineVariables.variables,
  ...mantineVariables.light,
  ...ours.variables,
  ...ours.light,
};

/** A colour as a CSS value (`var(--…)`, `#fff`, `#rrggbb`) resolved to `#rrggbb`. */
function resolve(value: string): string {
  let current = value.trim();
  for (let depth = 0; depth < 10; depth++) {
    const reference = /^var\((--[\w-]+)\)$/.exec(current);
    if (!reference) break;
    const next = variables[reference[1]!];
    if (next === undefined) throw new Error(`unknown variable ${reference[1]}`);
    current = next.trim();
  }
  if (/^#[0-9a-f]{3}$/i.test(current)) current = `#${[...current.slice(1)].map((c) => c + c).join('')}`;
  if (!/^#[0-9a-f]{6}$/i.test(current)) throw new Error(`cannot resolve ${value} (got ${current})`);
  return current.toLowerCase();
}

const WHITE = '#ffffff';
const PAGE = resolve('var(--mantine-color-gray-0)'); // AppShell's background
const PALETTES = Object.keys(theme.colors).filter((name) => name !== 'dark');
const LIGHT_BACKGROUNDS = [
  WHITE,
  PAGE,
  resolve('var(--mantine-color-gray-1)'),
  ...PALETTES.flatMap((name) => [theme.colors[name]![0], theme.colors[name]![1]]),
];
const AA = 4.5;

interface Pair {
  what: string;
  fg: string;
  bg: string;
}

function failing(pairs: Pair[], minimum = AA): string[] {
  return pairs
    .map((p) => ({ ...p, ratio: contrastRatio(resolve(p.fg), resolve(p.bg)) }))
    .filter((p) => p.ratio < minimum)
    .map((p) => `${p.what}: ${resolve(p.fg)} on ${resolve(p.bg)} = ${p.ratio.toFixed(2)}:1`);
}

function variant(color: string, name: string) {
  return theme.variantColorResolver({ color, theme, variant: name });
}

describe('the contrast function', () => {
  it('gives the known WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // Mantine's default dimmed grey on white, as axe measured it before the theme changed.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    // The verdict panel's old "1 varning" badge (yellow-9 text on yellow-8).
    expect(contrastRatio('#e67700', '#f08c00')).toBeCloseTo(1.2, 1);
  });
});

describe('the theme meets WCAG 2.1 AA (4.5:1) for every colour pair it paints', () => {
  it('text shades 6–9 of every palette on white, the page grey and every light background', () => {
    const pairs = PALETTES.flatMap((name) =>
      [6, 7, 8, 9].flatMap((shade) =>
        LIGHT_BACKGROUNDS.map((bg) => ({ what: `${name}-${shade}`, fg: theme.colors[name]![shade]!, bg })),
      ),
    );
    expect(failing(pairs)).toEqual([]);
  });

  it('dimmed text, links, error messages and placeholders', () => {
    const pairs: Pair[] = [
      { what: 'body text', fg: 'var(--mantine-color-text)', bg: 'var(--mantine-color-body)' },
      { what: 'body text on the page', fg: 'var(--mantine-color-text)', bg: PAGE },
      { what: 'placeholder', fg: 'var(--mantine-color-placeholder)', bg: WHITE },
      ...LIGHT_BACKGROUNDS.flatMap((bg) => [
        { what: 'dimmed', fg: 'var(--mantine-color-dimmed)', bg },
        { what: 'link', fg: 'var(--mantine-color-anchor)', bg },
        { what: 'error', fg: 'var(--mantine-color-error)', bg },
      ]),
    ];
    expect(failing(pairs)).toEqual([]);
  });

  it('the primary button and every filled surface, in every shade, with autoContrast text', () => {
    const pairs: Pair[] = [
      {
        what: 'primary filled',
        fg: 'var(--mantine-primary-color-contrast)',
        bg: 'var(--mantine-primary-color-filled)',
      },
    ];
    for (const name of Object.keys(theme.colors)) {
      const filled = variant(name, 'filled');
      pairs.push({ what: `${name} filled`, fg: filled.color, bg: filled.background });
      for (let shade = 0; shade < 10; shade++) {
        const shaded = variant(`${name}.${shade}`, 'filled');
        pairs.push({ what: `${name}.${shade} filled`, fg: shaded.color, bg: shaded.background });
      }
    }
    expect(failing(pairs)).toEqual([]);
  });

  it('light, outline, subtle, white and default variants (badges, alerts, menu, buttons)', () => {
    const pairs: Pair[] = [];
    for (const name of Object.keys(theme.colors)) {
      const light = variant(name, 'light');
      pairs.push({ what: `${name} light`, fg: light.color, bg: light.background });
      pairs.push({ what: `${name} light (hover)`, fg: light.color, bg: light.hover });
      const outline = variant(name, 'outline');
      pairs.push({ what: `${name} outline`, fg: outline.color, bg: WHITE });
      pairs.push({ what: `${name} outline on the page`, fg: outline.color, bg: PAGE });
      const subtle = variant(name, 'subtle');
      pairs.push({ what: `${name} subtle`, fg: subtle.color, bg: WHITE });
      pairs.push({ what: `${name} subtle (hover)`, fg: subtle.color, bg: subtle.hover });
      const white = variant(name, 'white');
      pairs.push({ what: `${name} white`, fg: white.color, bg: white.background });
      pairs.push({ what: `${name} text`, fg: `var(--mantine-color-${name}-text)`, bg: WHITE });
    }
    const byDefault = variant('gray', 'default');
    pairs.push({ what: 'default', fg: byDefault.color, bg: byDefault.background });
    expect(failing(pairs)).toEqual([]);
  });

  it('the register status badges (light variant) and the amber warning badge', () => {
    const pairs: Pair[] = Object.entries(STATUS_COLORS).map(([status, color]) => {
      const light = variant(color, 'light');
      return { what: `status ${status}`, fg: light.color, bg: light.background };
    });
    const amber = variant('yellow.5', 'filled');
    pairs.push({ what: 'warning badge', fg: amber.color, bg: amber.background });
    expect(failing(pairs)).toEqual([]);
  });

  it('catches a failing pair (the test can fail)', () => {
    expect(failing([{ what: 'old dimmed', fg: '#868e96', bg: WHITE }])).toHaveLength(1);
  });
});
