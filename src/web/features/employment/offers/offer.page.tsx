import { Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { can } from '../../../../shared/auth/roles.ts'
import type { Offer } from '../../../../shared/employment/offers.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from '../../persons/anchor-link.tsx'
import {
  candidateStatusColor,
  candidateStatusLabel,
  contractText,
  offerStatusColor,
  offerStatusLabel,
  personName,
  positionsText,
  refusalReasonLabel,
  romeTitle,
} from '../employment.labels.ts'
import { CandidateActions } from './candidate-actions.tsx'
import { MatchingList } from './matching.tsx'
import { offerQuery, offersApi, refreshEmployment } from './offers.api.ts'

// One offer (docs/employment/screens.md « L’offre et ses candidats »): what the employer asks, its candidates with
// their status and the department's actions, and the matching list with « Positionner ». A counsellor sees her own
// people among the candidates (the others as a count) and positions one of hers.

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children || '—'}</Text>
    </div>
  )
}

function StatusButtons({ offer }: { offer: Offer }) {
  const client = useQueryClient()
  const change = useMutation({
    mutationFn: (status: string) => offersApi.setStatus(offer.id, status, offer.version),
    onSettled: () => refreshEmployment(client),
  })
  const buttons: { status: string; label: string; color?: string }[] =
    offer.status === 'open'
      ? [
          { status: 'filled', label: 'Offre pourvue' },
          { status: 'closed', label: 'Clore l’offre', color: 'gray' },
          { status: 'cancelled', label: 'Annuler l’offre', color: 'red' },
        ]
      : offer.status === 'draft'
        ? [
            { status: 'open', label: 'Diffuser l’offre' },
            { status: 'cancelled', label: 'Annuler l’offre', color: 'red' },
          ]
        : [{ status: 'open', label: 'Rouvrir l’offre' }]
  return (
    <Stack gap={6}>
      <Group gap="xs">
        {buttons.map((b) => (
          <Button
            key={b.status}
            size="sm"
            variant="light"
            color={b.color}
            loading={change.isPending && change.variables === b.status}
            onClick={() => change.mutate(b.status)}
          >
            {b.label}
          </Button>
        ))}
      </Group>
      <FormError error={change.error} title="Changement impossible" />
    </Stack>
  )
}

function Candidates({ offer, manage, act }: { offer: Offer; manage: boolean; act: boolean }) {
  return (
    <section aria-labelledby="offre-candidats">
      <Title order={2} size="h3" id="offre-candidats" mb="xs">
        Candidats <Badge variant="light">{formatNumber(offer.candidates.length)}</Badge>
      </Title>
      {offer.otherCandidates > 0 && (
        <Text size="sm" mb="xs">
          Et {formatNumber(offer.otherCandidates)} candidat(s) suivi(s) par d’autres conseillers.
        </Text>
      )}
      {offer.candidates.length === 0 ? (
        <Text>Personne n’est encore positionné sur cette offre.</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label="Candidats positionnés sur l’offre">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>Positionné(e) par</Table.Th>
                <Table.Th>Le</Table.Th>
                <Table.Th>Détail</Table.Th>
                {act && <Table.Th>Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {offer.candidates.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/personnes/$id" params={{ id: c.person.id }} search={{ onglet: 'emploi' }}>
                      {personName(c.person)}
                    </AnchorLink>
                    {c.person.referentName && (
                      <Text size="xs" c="dimmed">
                        Référent : {c.person.referentName}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Badge color={candidateStatusColor(c.status)} variant="light">
                      {candidateStatusLabel(c.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{c.positionedByName ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(c.positionedAt)}</Table.Td>
                  <Table.Td>
                    {c.status === 'interview' && c.interviewOn && `Entretien le ${formatDate(c.interviewOn)}`}
                    {c.status === 'refused' && refusalReasonLabel(c.refusalReason)}
                    {c.note && (
                      <Text size="xs" c="dimmed">
                        {c.note}
                      </Text>
                    )}
                  </Table.Td>
                  {act && (
                    <Table.Td>
                      <CandidateActions offer={offer} candidate={c} manage={manage} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  )
}

export function OfferPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const query = useQuery(offerQuery(id))
  const o = query.data
  const manage = can(me.role, 'employmentManage')
  const position = can(me.role, 'employmentPosition')
  return (
    <Page
      title={o ? `${o.title} — ${o.employerName}` : 'Offre d’emploi'}
      actions={
        o &&
        manage && (
          <ButtonLink to="/emploi/offres/$id/modifier" params={{ id: o.id }} variant="default">
            Modifier l’offre
          </ButtonLink>
        )
      }
    >
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending && <Loader aria-label="Chargement de l’offre" />}
      {o && (
        <Stack gap="lg">
          <Group gap="md">
            <AnchorLink to="/emploi/offres">Retour aux offres</AnchorLink>
            <Badge color={offerStatusColor(o.status)} variant="light" size="lg">
              {offerStatusLabel(o.status)}
            </Badge>
          </Group>
          <Card withBorder component="section" aria-labelledby="offre-fiche">
            <Title order={2} size="h3" id="offre-fiche" mb="sm">
              La fiche de l’offre
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <Field label="Entreprise">{o.employerName}</Field>
              <Field label="Métier (ROME)">{o.romeCode ? romeTitle(o.romeCode) : null}</Field>
              <Field label="Contrat">{contractText(o.contractKind, o.durationMonths)}</Field>
              <Field label="Heures par semaine">{o.hoursPerWeek ? formatNumber(o.hoursPerWeek) : null}</Field>
              <Field label="Postes">{positionsText(o.positions)}</Field>
              <Field label="Lieu">{[o.communeName, o.place].filter(Boolean).join(', ')}</Field>
              <Field label="Début souhaité">{o.startsOn ? formatDate(o.startsOn) : null}</Field>
              <Field label="Date limite">{o.closesOn ? formatDate(o.closesOn) : null}</Field>
              <Field label="Niveau demandé">{o.level2019 ? `Niveau ${o.level2019}` : null}</Field>
              <Field label="Expérience">{o.experienceMonths ? `${formatNumber(o.experienceMonths)} mois` : null}</Field>
              <Field label="Permis B">{o.drivingLicenceRequired ? 'Exigé' : 'Non exigé'}</Field>
              <Field label="Contact">{o.contactName}</Field>
            </SimpleGrid>
            {o.description && <Text mt="sm">{o.description}</Text>}
            {o.requirements && (
              <Text mt="sm">
                <strong>Exigences : </strong>
                {o.requirements}
              </Text>
            )}
            {manage && (
              <Stack mt="md">
                <StatusButtons offer={o} />
              </Stack>
            )}
          </Card>
          <Candidates offer={o} manage={manage} act={position} />
          {position && <MatchingList offer={o} canPosition={o.status === 'open'} />}
        </Stack>
      )}
    </Page>
  )
}
