import type { MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's palettes with text-safe dark shades. Shades 0–5 are Mantine's own (backgrounds,
 * borders, the amber of a warning badge); shades 6–9 are Mantine's hue scaled towards black
 * until each reads at 4.5:1 or more on white, on the page's grey and on every palette's
 * light backgrounds (shades 0 and 1), and white reads as well on them. Mantine draws text
 * in these shades: filled and outline variants and links (the primary shade), the light
 * variant's text (shade 9), dimmed text and error messages (gray-6, red-6). Mantine's own
 * shades 6–9 read at 1.9–5.5:1 on white, which is where most contrast failures came from.
 *
 * The numbers were computed once (each shade's RGB scaled towards black until its WCAG
 * luminance was at most 0.124, 0.105, 0.08 and 0.06); test/renderer/theme-contrast.test.ts
 * holds every pair the app paints to WCAG 2.1 AA, so a changed shade that fails is caught.
 */
// prettier-ignore
export const ACCESSIBLE_COLORS: Record<string, MantineColorsTuple> = {
  gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5e6369', '#495057', '#343a40', '#212529'],
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#af3939', '#a92c2c', '#992121', '#861c1c'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#ac3760', '#a82855', '#981d48', '#85183e'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#953bab', '#8c32a2', '#7c2b90', '#6c257d'],
  violet: ['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#6b47d5', '#623fcb', '#5636b5', '#4b309b'],
  indigo: ['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#3e5ac7', '#3651c0', '#2e47aa', '#293c98'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#1965a7', '#155d9e', '#12528c', '#114779'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#0d6d7a', '#0b6472', '#085865', '#074c59'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0b7052', '#08684b', '#065b41', '#055039'],
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#267133', '#20682d', '#1b5c27', '#194f24'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#476d10', '#40650c', '#365908', '#304d07'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#825c03', '#7e5200', '#754400', '#6c3800'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#9b4d0c', '#994004', '#8a3507', '#7d2909'],
};
