import { Anchor, Group, Loader, Stack, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { personName } from '../training.labels.ts'
import { convocationUrl, prescriptionQuery } from './officer.api.ts'
import { AnswerButton, CancelButton, DecisionButtons, EntryButton, ExitButton } from './prescription-actions.tsx'
import { PrescriptionCard } from './prescription-card.tsx'

const CONVENED = ['validated', 'waiting_list', 'accepted', 'not_accepted', 'entered', 'exited']
const CANCELLABLE = ['submitted', 'more_info', 'validated', 'waiting_list', 'accepted']

/**
 * One prescription, for the training department (docs/training/screens.md): what was asked and why, the answers, the
 * history; the actions its status allows (PRESCRIPTION_TRANSITIONS): decide, record the body's answer on its behalf,
 * the entry, the exit, cancel; the convocation once validated.
 */
export function PrescriptionPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const query = useQuery(prescriptionQuery(id))
  const p = query.data
  const who = p ? personName(p.person) : ''
  return (
    <Page title={who ? `Prescription de ${who}` : 'Prescription'}>
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending && <Loader aria-label="Chargement de la prescription" />}
      {p && (
        <Stack gap="lg">
          <Group gap="md">
            <AnchorLink to="/formation">Retour aux prescriptions à traiter</AnchorLink>
            {can(me.role, 'persons') && (
              <AnchorLink to="/personnes/$id" params={{ id: p.person.id }} search={{ onglet: 'formation' }}>
                Dossier de {who}
              </AnchorLink>
            )}
            <AnchorLink to="/formation/sessions/$id" params={{ id: p.session.id }}>
              La session
            </AnchorLink>
            {CONVENED.includes(p.status) && (
              <Anchor href={convocationUrl(p.id)} target="_blank" rel="noopener">
                Convocation à l’information collective (PDF)
              </Anchor>
            )}
          </Group>
          <section aria-labelledby="prescription-actions">
            <Title order={2} size="h3" id="prescription-actions" mb="xs">
              Actions
            </Title>
            <Group>
              {p.status === 'submitted' && <DecisionButtons p={p} />}
              {(p.status === 'validated' || p.status === 'waiting_list') && <AnswerButton p={p} />}
              {p.status === 'accepted' && <EntryButton p={p} />}
              {p.status === 'entered' && <ExitButton p={p} />}
              {CANCELLABLE.includes(p.status) && <CancelButton p={p} />}
              {!CANCELLABLE.includes(p.status) &&
                p.status !== 'entered' &&
                'Aucune action : la prescription est close.'}
            </Group>
          </section>
          <PrescriptionCard p={p} />
        </Stack>
      )}
    </Page>
  )
}
