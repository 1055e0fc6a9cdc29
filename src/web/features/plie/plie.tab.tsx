import { Alert, Loader, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { can } from '../../../shared/auth/roles.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import type { FileTabProps } from '../../web-module.ts'
import { useMe } from '../auth/auth.api.ts'
import { PathwayCard } from './pathway-card.tsx'
import { personPlieQuery } from './plie.api.ts'
import { ProposalSection } from './proposal-section.tsx'

/**
 * The person file's « PLIE » tab (docs/plie.md, "Screens"): the pathways (referent, steps, exit, contact state), then the
 * eligibility, « Proposer au PLIE » and the proposals. A person with no pathway shows so, with the eligibility.
 */
export function PlieTab(props: FileTabProps) {
  const { person } = props
  const me = useMe()
  const plie = useQuery(personPlieQuery(person.id))
  const canWrite = person.can.write && can(me.role, 'plieWrite')
  if (plie.isPending) return <Loader aria-label="Chargement du PLIE" />
  const pathways = plie.data?.pathways ?? []
  const open = pathways.some((p) => p.open)
  const contact = plie.data?.contact
  return (
    <Stack gap="lg">
      <FormError error={plie.error} title="Chargement impossible" />
      {pathways.length === 0 && <Text>Aucun parcours PLIE.</Text>}
      {contact && (
        <Alert
          color={contact.alert ? 'orange' : 'blue'}
          variant="light"
          title={contact.alert ? 'Contact en retard' : 'Contact à jour'}
        >
          {contact.lastContact
            ? `Dernier contact le ${formatDate(contact.lastContact)}, il y a ${contact.days} jours`
            : 'Aucun contact enregistré'}{' '}
          (règle : tous les {contact.ruleDays} jours{contact.stepUnderWay ? ', une étape en cours' : ''}).
        </Alert>
      )}
      {pathways.map((p, i) => (
        <PathwayCard
          key={p.enrolmentId}
          pathway={p}
          canWrite={canWrite}
          canReview={can(me.role, 'plieCommittees')}
          index={i}
        />
      ))}
      <ProposalSection {...props} canPropose={canWrite && !open} />
    </Stack>
  )
}
