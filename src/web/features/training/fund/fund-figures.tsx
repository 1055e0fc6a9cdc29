import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import type { FundYear } from '../../../../shared/training/fund.schema.ts'
import { formatEuros, formatNumber } from '../../../components/format.ts'

/** committed against allocated, in per cent (none when nothing is allocated) */
export const consumedRate = (y: Pick<FundYear, 'allocatedCents' | 'committedCents'>) =>
  y.allocatedCents > 0 ? (100 * y.committedCents) / y.allocatedCents : null

/** The envelope's gauge: allocated, committed, remaining, and the share committed in words and as a bar. */
export function FundGauge({ year }: { year: FundYear }) {
  const rate = consumedRate(year)
  const figures = [
    { label: 'Alloué', cents: year.allocatedCents },
    { label: 'Engagé', cents: year.committedCents },
    { label: 'Reste', cents: year.remainingCents },
    { label: 'Remboursé', cents: year.reimbursedCents },
  ]
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {figures.map((f) => (
          <Paper key={f.label} withBorder p="sm">
            <Text size="sm" c="dimmed">
              {f.label}
            </Text>
            <Text fw={700} size="lg">
              {formatEuros(f.cents)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {rate !== null && (
        <Group gap="sm" wrap="nowrap">
          <Progress
            style={{ flex: 1 }}
            value={Math.min(rate, 100)}
            color={rate > 90 ? 'red' : rate > 75 ? 'orange' : 'blue'}
            aria-label={`Enveloppe ${year.year} engagée à ${formatNumber(rate, { maximumFractionDigits: 1 })} %`}
          />
          <Text size="sm">{formatNumber(rate, { maximumFractionDigits: 1 })} % engagé</Text>
        </Group>
      )}
    </Stack>
  )
}

/** The year's key figures: employees, hours, cost per hour, co-funding. */
export function FundKeyFigures({ year }: { year: FundYear }) {
  const items = [
    { label: 'Plans validés', value: formatNumber(year.plansValidated) },
    { label: 'Plans à présenter', value: formatNumber(year.plansSubmitted) },
    { label: 'Salariés', value: formatNumber(year.employees) },
    { label: 'Heures de formation', value: formatNumber(year.hours) },
    {
      label: 'Coût horaire du fonds',
      value: year.costPerHourCents === null ? '—' : formatEuros(year.costPerHourCents),
    },
    {
      label: 'Cofinancements',
      value: `${formatEuros(year.cofundingCents)} (${formatNumber(year.cofunders)} cofinanceur${year.cofunders > 1 ? 's' : ''})`,
    },
  ]
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} component="dl" spacing="xs" m={0}>
      {items.map((i) => (
        <Paper key={i.label} withBorder p="sm">
          <Text component="dt" size="sm" c="dimmed">
            {i.label}
          </Text>
          <Text component="dd" fw={700} m={0}>
            {i.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}
