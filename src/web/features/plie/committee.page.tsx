import { Alert, Anchor, Badge, Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import type { Committee } from '../../../shared/plie/committees.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, today } from '../../components/format.ts'
import { useDocumentTitle } from '../../components/page.tsx'
import { CaseDecision } from './case-decision.tsx'
import { CommitteeMembers } from './committee-members.tsx'
import { committeePdfUrl, committeeQuery, plieApi, proposalsQuery, refreshPlie } from './plie.api.ts'

/**
 * A PLIE committee: its members and who was present, the cases in order (added from the site's waiting proposals),
 * each case's decision and minute, the agenda and minutes as PDF, « Clore le comité ».
 */
export function CommitteePage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const committee = useQuery(committeeQuery(id))
  useDocumentTitle(committee.data ? `Comité PLIE du ${formatDate(committee.data.date)}` : 'Comité PLIE')
  if (committee.isPending) return <Loader aria-label="Chargement du comité" />
  if (!committee.data) return <FormError error={committee.error} title="Chargement impossible" />
  return <CommitteeView committee={committee.data} />
}

function CommitteeView({ committee }: { committee: Committee }) {
  const client = useQueryClient()
  const editable = committee.status === 'planned'
  const decidable = committee.date <= today()
  const close = useMutation({
    mutationFn: () => plieApi.close(committee.id, committee.version),
    onSettled: () => refreshPlie(client),
  })
  const undecided = committee.agenda.filter((c) => !c.decision).length
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>
          Comité PLIE du {formatDate(committee.date)} — {committee.siteName}
        </Title>
        <Badge variant="light" size="lg" color={editable ? 'blue' : 'gray'}>
          {editable ? 'Planifié' : 'Clos'}
        </Badge>
      </Group>
      <Group>
        <Anchor href={committeePdfUrl(committee.id, 'agenda')} target="_blank" rel="noopener">
          Ordre du jour (PDF)
        </Anchor>
        <Anchor href={committeePdfUrl(committee.id, 'minutes')} target="_blank" rel="noopener">
          Relevé de décisions (PDF)
        </Anchor>
      </Group>
      <CommitteeMembers committee={committee} editable={editable} />
      <section aria-labelledby="comite-ordre-du-jour">
        <Title order={2} size="h3" id="comite-ordre-du-jour" mb="xs">
          Ordre du jour
        </Title>
        {!decidable && editable && (
          <Text size="sm" c="dimmed" mb="xs">
            Les décisions s’enregistrent à partir du jour du comité.
          </Text>
        )}
        <Stack gap="sm">
          {committee.agenda.length === 0 && <Text>Aucun dossier à l’ordre du jour.</Text>}
          {committee.agenda.map((c) => (
            <CaseDecision key={c.id} committeeId={committee.id} item={c} editable={editable} decidable={decidable} />
          ))}
        </Stack>
        {editable && <AddCase committee={committee} />}
      </section>
      {editable && (
        <section aria-labelledby="comite-clore">
          <Title order={2} size="h3" id="comite-clore" mb="xs">
            Clore le comité
          </Title>
          <FormError error={close.error} title="Clôture impossible" />
          {undecided > 0 ? (
            <Alert variant="light" color="gray">
              {undecided} dossier{undecided > 1 ? 's' : ''} sans décision : décidez ou retirez-les avant de clore.
            </Alert>
          ) : (
            <Button w="fit-content" disabled={!decidable} loading={close.isPending} onClick={() => close.mutate()}>
              Clore le comité
            </Button>
          )}
        </section>
      )}
    </Stack>
  )
}

/** Add to the agenda a waiting (or deferred) proposal of the committee's site that no agenda holds yet. */
function AddCase({ committee }: { committee: Committee }) {
  const client = useQueryClient()
  const pending = useQuery(proposalsQuery({ siteId: committee.siteId, status: 'pending' }))
  const deferred = useQuery(proposalsQuery({ siteId: committee.siteId, status: 'deferred' }))
  const [choice, setChoice] = useState<string | null>(null)
  const add = useMutation({
    mutationFn: (proposalId: string) => plieApi.addCase(committee.id, { proposalId }),
    onSuccess: () => setChoice(null),
    onSettled: () => refreshPlie(client),
  })
  const options = [...(pending.data?.items ?? []), ...(deferred.data?.items ?? [])]
    .filter((p) => !p.committeeId)
    .map((p) => ({
      value: p.id,
      label: `${p.personName} — proposé le ${formatDate(p.proposedOn)}${p.status === 'deferred' ? ' (ajourné)' : ''}`,
    }))
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (choice) add.mutate(choice)
      }}
    >
      <Stack gap="xs" mt="md">
        <FormError error={add.error ?? pending.error} title="Ajout impossible" />
        <Group align="flex-end">
          <Select
            label="Ajouter une proposition du site"
            placeholder={options.length === 0 ? 'Aucune proposition en attente' : 'Choisissez une proposition'}
            searchable
            w={420}
            data={options}
            value={choice}
            onChange={setChoice}
          />
          <Button type="submit" disabled={!choice} loading={add.isPending}>
            Ajouter à l’ordre du jour
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
