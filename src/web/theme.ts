import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  Loader,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
} from '@mantine/core'

/**
 * Mantine's defaults, adjusted for contrast (WCAG AA, 4.5:1 for text): a darker primary shade, darker "dimmed" text,
 * error and link colours.
 */
export const theme = createTheme({
  // Users who ask their system for less motion get none (and the browser tests, which ask for it, measure settled colours).
  respectReducedMotion: true,
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { sizes: { h1: { fontSize: '1.75rem' } } },
  components: {
    PasswordInput: PasswordInput.extend({
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Afficher le mot de passe' } },
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } }),
    // a loader says what is loading (its aria-label): a span may carry one only with a role
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    Select: Select.extend({ defaultProps: { comboboxProps: { withinPortal: true } } }),
    MultiSelect: MultiSelect.extend({ defaultProps: { comboboxProps: { withinPortal: true } } }),
  },
})

/** Text of "light" variants (badges, active links) on their pale background: shade 9 is not dark enough for 4.5:1. */
const lightVariantText = (colors: Record<string, readonly string[]>) =>
  Object.fromEntries(
    Object.entries(colors).map(([name, shades]) => [`--mantine-color-${name}-light-color`, darken(shades[9], 0.3)]),
  )

export const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    ...lightVariantText(theme.colors),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {},
})
