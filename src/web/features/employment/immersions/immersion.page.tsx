import { Anchor, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { type ReactNode, useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { Immersion } from '../../../../shared/employment/immersions.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { personName, romeTitle } from '../employment.labels.ts'
import { AssessmentButton, CancelButton, CompleteButton, OutcomeButton, SignButton } from './immersion-actions.tsx'
import { ImmersionForm } from './immersion-form.tsx'
import { agreementUrl, immersionQuery } from './immersions.api.ts'
import { objectiveLabel, outcomeLabel, statusColor, statusLabel, validatedText } from './immersions.labels.ts'

// One immersion (docs/employment/immersions.md « Screens »): the agreement's fields and its PDF, the actions its
// status allows (edit the draft, sign, assess, close, cancel, what followed), the assessment and the outcome.

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children || '—'}</Text>
    </div>
  )
}

function Agreement({ i }: { i: Immersion }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          La structure d’accueil
        </Title>
        <Stack gap={6}>
          <Field label="Entreprise">{i.employer.name}</Field>
          <Field label="SIRET">{i.employer.siret}</Field>
          <Field label="Adresse">
            {[i.employer.address, [i.employer.postcode, i.employer.communeName].filter(Boolean).join(' ')]
              .filter(Boolean)
              .join(', ')}
          </Field>
          <Field label="Tuteur">{[i.tutorName, i.tutorJobTitle].filter(Boolean).join(', ')}</Field>
          <Field label="Contact du tuteur">{[i.tutorPhone, i.tutorEmail].filter(Boolean).join(' · ')}</Field>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          La période
        </Title>
        <Stack gap={6}>
          <Field label="Objet">{objectiveLabel(i.objective)}</Field>
          <Field label="Métier, poste">
            {i.jobTitle}
            {i.romeCode ? ` (${romeTitle(i.romeCode)})` : ''}
          </Field>
          <Field label="Dates">
            du {formatDate(i.startsOn)} au {formatDate(i.endsOn)}
          </Field>
          <Field label="Horaires">
            {[i.hoursPerWeek === null ? null : `${formatNumber(i.hoursPerWeek)} h par semaine`, i.schedule]
              .filter(Boolean)
              .join(' ; ')}
          </Field>
          <Field label="Lieu">{i.place}</Field>
          <Field label="Activités confiées">{i.activities}</Field>
          <Field label="Programme">
            {i.programme ? `${i.programme.name}, module ${i.moduleNumber} : ${i.moduleLabel ?? ''}` : null}
          </Field>
          <Field label="Prescrite par">{i.prescriber?.name}</Field>
        </Stack>
      </Card>
    </SimpleGrid>
  )
}

export function ImmersionPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const query = useQuery(immersionQuery(id))
  const [editing, setEditing] = useState(false)
  const i = query.data
  const position = can(me.role, 'employmentPosition')
  const manage = can(me.role, 'employmentManage')
  const day = today()
  return (
    <Page title={i ? `Immersion de ${personName(i.person)}` : 'Immersion'}>
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending && <Loader aria-label="Chargement de l’immersion" />}
      {i && (
        <Stack gap="lg">
          <Group gap="md">
            <AnchorLink to="/emploi/immersions">Retour aux immersions</AnchorLink>
            {can(me.role, 'persons') && (
              <AnchorLink to="/personnes/$id" params={{ id: i.person.id }} search={{ onglet: 'immersions' }}>
                Dossier de {personName(i.person)}
              </AnchorLink>
            )}
            {i.status !== 'cancelled' && (
              <Anchor href={agreementUrl(i.id)} target="_blank" rel="noopener">
                Télécharger la convention (PDF)
              </Anchor>
            )}
          </Group>
          <Group gap="sm">
            <Badge color={statusColor(i.status)} variant="light" size="lg">
              {statusLabel(i.status)}
            </Badge>
            {i.signedOn && <Text>Signée le {formatDate(i.signedOn)}</Text>}
          </Group>
          {editing ? (
            <ImmersionForm
              personId={i.person.id}
              immersion={i}
              onSaved={() => setEditing(false)}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <section aria-labelledby="immersion-actions">
                <Title order={2} size="h3" id="immersion-actions" mb="xs">
                  Actions
                </Title>
                <Group align="flex-start">
                  {i.status === 'draft' && position && (
                    <Button variant="default" onClick={() => setEditing(true)}>
                      Modifier la convention
                    </Button>
                  )}
                  {i.status === 'draft' && manage && <SignButton i={i} />}
                  {(i.status === 'signed' || i.status === 'done') && position && i.startsOn <= day && (
                    <AssessmentButton i={i} />
                  )}
                  {i.status === 'signed' && manage && i.endsOn < day && <CompleteButton i={i} />}
                  {i.status === 'done' && position && <OutcomeButton i={i} />}
                  {(i.status === 'draft' || i.status === 'signed') && position && <CancelButton i={i} />}
                  {i.status === 'cancelled' && <Text>Aucune action : l’immersion est annulée.</Text>}
                </Group>
              </section>
              <Agreement i={i} />
              <Card withBorder>
                <Title order={2} size="h4" mb="xs">
                  Évaluation et suite
                </Title>
                <Stack gap={6}>
                  <Field label="Évaluation">{validatedText(i.validated)}</Field>
                  <Field label="Appréciation du tuteur">{i.assessment}</Field>
                  <Field label="Compétences et aptitudes observées">{i.skillsObserved}</Field>
                  <Field label="Suite donnée">{i.outcome ? outcomeLabel(i.outcome) : null}</Field>
                </Stack>
              </Card>
            </>
          )}
        </Stack>
      )}
    </Page>
  )
}
