import { Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatNumber } from '../../../components/format.ts'
import { HomeBlock } from '../../home/home-block.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { operationsQuery } from './operations.api.ts'

/** The officer's home block « Opérations en cours »: each running operation, its hires over its positions. */
export function RunningOperationsCard() {
  const list = useQuery(operationsQuery('running'))
  const items = list.data ?? []
  return (
    <HomeBlock
      id="home-operations"
      title="Opérations en cours"
      loading={list.isPending}
      error={list.error}
      action={
        <AnchorLink to="/emploi/operations" size="sm">
          Toutes les opérations
        </AnchorLink>
      }
    >
      {items.length === 0 ? (
        <Text size="sm">Aucune opération en cours.</Text>
      ) : (
        <Stack gap={6}>
          {items.slice(0, 5).map((o) => (
            <Group key={o.id} justify="space-between" wrap="nowrap">
              <AnchorLink to="/emploi/operations/$id" params={{ id: o.id }} size="sm">
                {o.title}
              </AnchorLink>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatNumber(o.funnel.hired)} / {formatNumber(o.positions)} recrutés ·{' '}
                {formatNumber(o.funnel.applications)} candidatures
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </HomeBlock>
  )
}
