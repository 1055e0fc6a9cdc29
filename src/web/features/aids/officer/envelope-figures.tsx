import { Group, Paper, Progress, Stack, Text } from '@mantine/core'
import type { EnvelopeFigures } from '../../../../shared/aids/funds.schema.ts'
import { formatEuros, formatNumber } from '../../../components/format.ts'

/** committed against allocated, in per cent (none when nothing is allocated) */
export const consumedRate = (e: EnvelopeFigures) =>
  e.allocatedCents > 0 ? (100 * e.committedCents) / e.allocatedCents : null

/** A fund's year in four figures: allocated, committed, paid, remaining, and the share committed. */
export function EnvelopeFigureCards({ envelope }: { envelope: EnvelopeFigures }) {
  const rate = consumedRate(envelope)
  const figures = [
    { label: 'Alloué', cents: envelope.allocatedCents },
    { label: 'Engagé', cents: envelope.committedCents },
    { label: 'Payé', cents: envelope.paidCents },
    { label: 'Reste', cents: envelope.remainingCents },
  ]
  return (
    <Stack gap="xs">
      <Group gap="sm" grow>
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
      </Group>
      {rate !== null && (
        <Progress
          value={Math.min(rate, 100)}
          color={rate > 90 ? 'red' : rate > 75 ? 'orange' : 'blue'}
          aria-label={`Enveloppe engagée à ${formatNumber(rate, { maximumFractionDigits: 1 })} %`}
        />
      )}
    </Stack>
  )
}
