import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatEuros, formatNumber } from '../../../components/format.ts'
import { HomeBlock } from '../../home/home-block.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { overviewQuery, worklistQuery } from '../aids.api.ts'
import { consumedRate } from './envelope-figures.tsx'
import { thisYear } from './year-select.tsx'

// The aids' home blocks (docs/aids.md « Screens: the daily work »), loaded on demand: the aid officer's work waiting
// (emergencies, to decide, to pay), and the year's consumption of every fund (the director, the aid officer).

export function AidWorkCard() {
  const list = useQuery(worklistQuery)
  const w = list.data
  const late = w?.emergencies.filter((e) => (e.hoursLeft ?? 0) < 0).length ?? 0
  const lines = w
    ? [
        { label: 'Urgences (48 h)', count: w.emergencies.length, alert: late > 0 },
        { label: 'À compléter', count: w.toComplete.length },
        { label: 'À décider', count: w.toDecide.filter((i) => !w.emergencies.some((e) => e.id === i.id)).length },
        { label: 'À payer', count: w.toPay.length + w.instalmentsDue.length },
        { label: 'Justificatifs attendus', count: w.proofsAwaited.length },
      ]
    : []
  return (
    <HomeBlock
      id="home-aides"
      title="Aides à traiter"
      loading={list.isPending}
      error={list.error}
      action={
        <AnchorLink to="/aides" size="sm">
          Ouvrir la liste
        </AnchorLink>
      }
    >
      <Stack gap={6}>
        {lines.map((l) => (
          <Group key={l.label} justify="space-between">
            <Text size="sm">{l.label}</Text>
            <Badge color={l.alert ? 'red' : l.count > 0 ? 'blue' : 'gray'} variant="light">
              {formatNumber(l.count)}
            </Badge>
          </Group>
        ))}
        {late > 0 && (
          <Text size="sm" c="red.8">
            {late} urgence{late > 1 ? 's' : ''} en retard
          </Text>
        )}
      </Stack>
    </HomeBlock>
  )
}

export function FundsConsumptionCard() {
  const year = thisYear()
  const overview = useQuery(overviewQuery(year))
  const funds = (overview.data?.funds ?? []).filter((f) => f.active || f.committedCents > 0)
  return (
    <HomeBlock
      id="home-aides-fonds"
      title={`Fonds d’aides ${year}`}
      loading={overview.isPending}
      error={overview.error}
      action={
        <AnchorLink to="/aides/synthese" size="sm">
          Synthèse
        </AnchorLink>
      }
    >
      {funds.length === 0 ? (
        <Text size="sm">Aucun fonds.</Text>
      ) : (
        <Table aria-label={`Consommation des fonds en ${year}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Fonds</Table.Th>
              <Table.Th ta="right">Reste</Table.Th>
              <Table.Th>Engagé</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {funds.map((f) => {
              const rate = consumedRate(f)
              return (
                <Table.Tr key={f.fundId}>
                  <Table.Th scope="row" fw={400}>
                    <AnchorLink to="/aides/fonds/$id" params={{ id: f.fundId }} size="sm">
                      {f.code}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td ta="right">{formatEuros(f.remainingCents)}</Table.Td>
                  <Table.Td miw={120}>
                    {rate === null ? (
                      '—'
                    ) : (
                      <Progress
                        value={Math.min(rate, 100)}
                        color={rate > 90 ? 'red' : rate > 75 ? 'orange' : 'blue'}
                        aria-label={`${f.code} : ${formatNumber(rate, { maximumFractionDigits: 0 })} % engagé`}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
    </HomeBlock>
  )
}
