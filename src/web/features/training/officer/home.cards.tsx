import { Badge, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatNumber } from '../../../components/format.ts'
import { HomeBlock } from '../../home/home-block.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { worklistQuery } from './officer.api.ts'

// The training officer's home block (docs/training/screens.md): what waits in the worklist, with a link to it.
export function TrainingWorkCard() {
  const list = useQuery(worklistQuery)
  const w = list.data
  const lines = w
    ? [
        { label: 'À valider', count: w.toValidate.length },
        { label: 'Complément demandé', count: w.moreInfo.length },
        { label: 'Réponses en retard', count: w.answersOverdue.length, alert: w.answersOverdue.length > 0 },
        { label: 'Sessions qui se remplissent', count: w.sessionsFilling.length },
      ]
    : []
  return (
    <HomeBlock
      id="home-formation"
      title="Prescriptions de formation"
      loading={list.isPending}
      error={list.error}
      action={
        <AnchorLink to="/formation" size="sm">
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
      </Stack>
    </HomeBlock>
  )
}
