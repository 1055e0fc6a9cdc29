import { Group, Progress, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatEuros, formatNumber } from '../../../components/format.ts'
import { HomeBlock } from '../../home/home-block.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { fundYearQuery } from './fund.api.ts'
import { thisYear } from './fund.labels.ts'
import { consumedRate } from './fund-figures.tsx'

// The training officer's home block for the fund (docs/training/fund.md): the year's consumption of the envelope.
export function FundConsumptionCard() {
  const year = thisYear()
  const fund = useQuery(fundYearQuery(year))
  const y = fund.data
  const rate = y ? consumedRate(y) : null
  return (
    <HomeBlock
      id="home-fonds-professionnalisation"
      title={`Fonds de professionnalisation ${year}`}
      loading={fund.isPending}
      error={fund.error}
      action={
        <AnchorLink to="/formation/fonds" size="sm">
          Ouvrir le fonds
        </AnchorLink>
      }
    >
      {y && (
        <Stack gap={6}>
          {[
            ['Alloué', formatEuros(y.allocatedCents)],
            ['Engagé', formatEuros(y.committedCents)],
            ['Reste', formatEuros(y.remainingCents)],
            ['Plans à présenter', formatNumber(y.plansSubmitted)],
          ].map(([label, value]) => (
            <Group key={label} justify="space-between">
              <Text size="sm">{label}</Text>
              <Text size="sm" fw={600}>
                {value}
              </Text>
            </Group>
          ))}
          {rate !== null && (
            <Progress
              value={Math.min(rate, 100)}
              color={rate > 90 ? 'red' : rate > 75 ? 'orange' : 'blue'}
              aria-label={`Enveloppe ${year} engagée à ${formatNumber(rate, { maximumFractionDigits: 0 })} %`}
            />
          )}
        </Stack>
      )}
    </HomeBlock>
  )
}
