import { Alert, Group, Text } from '@mantine/core'

/** A padlock, drawn (no emoji font is needed). */
function Padlock() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 1 1 6 0v3H9Z"
      />
    </svg>
  )
}

/** Next to RQTH, justice and health data: every read leaves a line in the audit trail. */
export function SensitiveHint() {
  return (
    <Group gap={6} wrap="nowrap" style={{ color: 'var(--mantine-color-orange-light-color)' }}>
      <Padlock />
      <Text size="sm" fw={600} inherit>
        Données sensibles : consultation tracée
      </Text>
    </Group>
  )
}

/** Said when the server left sensitive data out for this reader (they are hidden, not absent). */
export function SensitiveHiddenNotice() {
  return (
    <Alert color="gray" variant="light" title="Accès restreint" role="note">
      Certaines informations sensibles ne vous sont pas accessibles.
    </Alert>
  )
}
