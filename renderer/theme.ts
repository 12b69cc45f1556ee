import { createTheme, InputWrapper } from '@mantine/core';

const SYSTEM_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

/** A calm theme: one accent colour, medium radii, the system font the desk already reads all day. */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 7,
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
