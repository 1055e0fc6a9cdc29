import { Badge, Group, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Figure, ObjectiveResult } from '../../../../shared/reporting/reporting.schema.ts'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { HomeBlock } from '../../home/home-block.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { plieYearQuery } from './setup.api.ts'

// The director's « PLIE » block on the home page (docs/plie.md « Setup and partners »): the year to date — persons in
// pathway on an average day, entries, positive exits, of which the welfare recipients' — against the objectives
// recorded on plie.objectives (Administration / Conventions et objectifs). One request: the indicator's own figures,
// the engine joins the objectives (prorated on the part of the year gone by).

const shown = ['averageInPath', 'entries', 'entriesRsa', 'positiveExits', 'positiveExitsRsa']

/** the objectives recorded on a figure (no sub-key: the headline value, the entries) */
const objectivesOf = (objectives: ObjectiveResult[], key: string) =>
  objectives.filter((o) => o.subKey === key || (o.subKey === null && key === 'entries'))

const value = (f: Figure) =>
  f.value === null ? '—' : formatNumber(f.value, { maximumFractionDigits: f.kind === 'average' ? 1 : 0 })

function ObjectiveCell({ objectives }: { objectives: ObjectiveResult[] }) {
  if (objectives.length === 0) return <Text size="sm">—</Text>
  return (
    <>
      {objectives.map((o) => (
        <Group key={o.objectiveId} gap={6} wrap="nowrap">
          <Text size="sm">
            {formatNumber(o.target, { maximumFractionDigits: 1 })}
            {o.prorated ? ' (au prorata)' : ''}
          </Text>
          {o.rate !== null && (
            <Badge size="sm" variant="light" color={o.rate >= 100 ? 'green' : 'orange'}>
              {formatNumber(o.rate, { maximumFractionDigits: 1 })} %
            </Badge>
          )}
        </Group>
      ))}
    </>
  )
}

export function PlieYearCard() {
  const to = today()
  const from = `${to.slice(0, 4)}-01-01`
  const q = useQuery(plieYearQuery(from, to))
  const result = q.data?.results.at(-1)
  const figures = (result?.figures ?? []).filter((f) => shown.includes(f.key))
  return (
    <HomeBlock
      id="home-plie"
      title={`PLIE ${to.slice(0, 4)}, du ${formatDate(from)} au ${formatDate(to)}`}
      loading={q.isPending}
      error={q.error}
      action={
        <AnchorLink to="/statistiques" size="sm">
          Statistiques détaillées
        </AnchorLink>
      }
    >
      {result && (
        <>
          <Text size="sm" c="dimmed">
            Résultat de l’année à ce jour face aux objectifs des conventions (au prorata des jours écoulés).
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Chiffre</Table.Th>
                <Table.Th>Résultat</Table.Th>
                <Table.Th>Objectif et taux</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.map((f) => (
                <Table.Tr key={f.key}>
                  <Table.Th scope="row" fw={400}>
                    {f.label}
                  </Table.Th>
                  <Table.Td>{value(f)}</Table.Td>
                  <Table.Td>
                    <ObjectiveCell objectives={objectivesOf(result.objectives, f.key)} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </HomeBlock>
  )
}
