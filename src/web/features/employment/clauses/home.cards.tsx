import { Group, List, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatNumber } from '../../../components/format.ts'
import { HomeBlock } from '../../home/home-block.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { clauseHomeQuery } from './clauses.api.ts'

// The facilitator's home block « Clauses sociales » (docs/employment/clauses.md « Home »): each operation not closed,
// the hours done this year against the hours its lots require; the companies whose statement of last month is missing.

const monthText = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`

export function ClausesHomeCard() {
  const q = useQuery(clauseHomeQuery())
  const h = q.data
  return (
    <HomeBlock
      id="home-clauses"
      title="Clauses sociales"
      loading={q.isPending}
      error={q.error}
      action={
        <AnchorLink to="/emploi/clauses" size="sm">
          Tableau de bord des clauses
        </AnchorLink>
      }
    >
      {h && (
        <Stack gap="sm">
          {h.operations.length === 0 ? (
            <Text size="sm">Aucune opération en cours.</Text>
          ) : (
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                Heures réalisées en {h.year} / heures dues
              </Text>
              {h.operations.slice(0, 6).map((o) => (
                <Group key={o.id} justify="space-between" wrap="nowrap">
                  <AnchorLink to="/emploi/clauses/$id" params={{ id: o.id }} size="sm">
                    {o.name}
                  </AnchorLink>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatNumber(o.doneHours)} / {formatNumber(o.requiredHours)} h
                  </Text>
                </Group>
              ))}
            </Stack>
          )}
          {h.missing.length === 0 ? (
            <Text size="sm">Tous les relevés de {monthText(h.lastMonth)} sont arrivés.</Text>
          ) : (
            <div>
              <Text size="sm" fw={600} c="red.9" id="home-clauses-missing">
                Relevés de {monthText(h.lastMonth)} manquants : {formatNumber(h.missing.length)}
              </Text>
              <List size="sm" aria-labelledby="home-clauses-missing">
                {h.missing.slice(0, 6).map((m) => (
                  <List.Item key={`${m.operationId}-${m.employerId}`}>
                    {m.employerName} —{' '}
                    <AnchorLink to="/emploi/clauses/$id" params={{ id: m.operationId }} size="sm">
                      {m.operationName}
                    </AnchorLink>
                  </List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
      )}
    </HomeBlock>
  )
}
