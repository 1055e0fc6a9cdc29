import { Badge, Group, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { formatNumber, today } from '../../../components/format.ts'
import { HomeBlock } from '../../home/home-block.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { worklistQuery } from './offers.api.ts'

// The employment blocks of the home page (docs/employment/screens.md): the officer's worklist figures, overdue
// follow-ups in red; a counsellor's open offers for her sites and her people's follow-ups due.

function Lines({ lines }: { lines: { label: string; count: number; alert?: boolean }[] }) {
  return (
    <Stack gap={6}>
      {lines.map((l) => (
        <Group key={l.label} justify="space-between">
          <Text size="sm" c={l.alert ? 'red.9' : undefined} fw={l.alert ? 600 : undefined}>
            {l.label}
          </Text>
          <Badge color={l.alert ? 'red' : l.count > 0 ? 'blue' : 'gray'} variant="light">
            {formatNumber(l.count)}
          </Badge>
        </Group>
      ))}
    </Stack>
  )
}

export function EmploymentWorkCard() {
  const list = useQuery(worklistQuery)
  const w = list.data
  const day = today()
  const overdue = w ? w.followUpsDue.filter((f) => !f.doneOn && f.dueOn < day).length : 0
  return (
    <HomeBlock
      id="home-emploi"
      title="Relations entreprises"
      loading={list.isPending}
      error={list.error}
      action={
        <AnchorLink to="/emploi" size="sm">
          Ouvrir le tableau de bord
        </AnchorLink>
      }
    >
      {w && (
        <Lines
          lines={[
            { label: 'Suivis d’embauche en retard', count: overdue, alert: overdue > 0 },
            { label: 'Suivis d’embauche à faire', count: w.followUpsDue.length - overdue },
            { label: 'Candidats à relancer', count: w.candidatesToFollow.length },
            { label: 'Offres ouvertes', count: w.openOffers.length },
            { label: 'Opérations en cours', count: w.operationsRunning.length },
          ]}
        />
      )}
    </HomeBlock>
  )
}

/** the counsellor's block (the entries give it to the referents only): the worklist on her own people */
export function CounsellorEmploymentCard() {
  const list = useQuery(worklistQuery)
  const w = list.data
  const day = today()
  const overdue = w ? w.followUpsDue.filter((f) => !f.doneOn && f.dueOn < day).length : 0
  return (
    <HomeBlock
      id="home-emploi-conseiller"
      title="Emploi de mes jeunes"
      loading={list.isPending}
      error={list.error}
      action={
        <AnchorLink to="/emploi/offres" size="sm">
          Offres pour mes jeunes
        </AnchorLink>
      }
    >
      {w && (
        <Lines
          lines={[
            { label: 'Suivis d’embauche en retard', count: overdue, alert: overdue > 0 },
            { label: 'Suivis d’embauche à faire', count: w.followUpsDue.length - overdue },
            { label: 'Candidatures sans réponse', count: w.candidatesToFollow.length },
            { label: 'Offres ouvertes sur mes sites', count: w.openOffers.length },
          ]}
        />
      )}
    </HomeBlock>
  )
}
