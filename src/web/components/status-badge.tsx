import { Badge } from '@mantine/core'

/** Actif / Inactif, never truncated by a narrow table column. */
export function StatusBadge({ active, on = 'Actif', off = 'Inactif' }: { active: boolean; on?: string; off?: string }) {
  return (
    <Badge
      color={active ? 'green' : 'gray'}
      variant="light"
      styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {active ? on : off}
    </Badge>
  )
}
