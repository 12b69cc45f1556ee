import { createTheme, InputWrapper, type CSSVariablesResolver } from '@mantine/core';
import { ACCESSIBLE_COLORS } from './theme-colors';

const SYSTEM_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

/**
 * WCAG's luminance at which black and white text read equally well (both about 4.58:1):
 * with `autoContrast`, every filled surface above it gets black text, below it white, so
 * a filled badge or button is readable in any colour and shade.
 */
export const LUMINANCE_THRESHOLD = 0.179;

/**
 * A calm theme: one accent colour, medium radii, the system font the desk already reads all
 * day. Colours meet WCAG 2.1 AA by construction (see theme-colors.ts): a new screen that
 * uses Mantine's variants, `c="dimmed"`, links and error messages is readable by default.
 */
export const theme = createTheme({
  colors: ACCESSIBLE_COLORS,
  primaryColor: 'teal',
  primaryShade: 6,
  autoContrast: true,
  luminanceThreshold: LUMINANCE_THRESHOLD,
  defaultRadius: 'md',
  fontFamily: SYSTEM_FONT,
  fontFamilyMonospace:
    'ui-monospace, "SF Mono", "Cascadia Mono", "Segoe UI Mono", Menlo, Consolas, monospace',
  headings: { fontFamily: SYSTEM_FONT, fontWeight: '650' },
  cursorType: 'pointer',
  components: {
    // Hints under the input keep neighbouring inputs aligned whatever the hint's length.
    InputWrapper: InputWrapper.extend({
      defaultProps: { inputWrapperOrder: ['label', 'input', 'description', 'error'] },
    }),
  },
});

/**
 * The few CSS variables the palettes do not settle. A placeholder carries hints such as
 * the time format, so it is held to text contrast (Mantine draws it in gray-5, 2.1:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
});
