import { Alert, Button, Checkbox, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { personQuery } from '../../persons/persons.api.ts'
import { type AidRequestFull, aidsApi, fundQuery, refreshAids, requestQuery } from '../aids.api.ts'
import { leftToPay } from './aids.bodies.ts'
import { DecisionForm } from './decision-form.tsx'
import { PaymentForm } from './payment-form.tsx'
import { PaymentsTable } from './payments-table.tsx'
import { RequestCard } from './request-card.tsx'

const granted = (status: string) => status === 'granted' || status === 'partly_granted'

/**
 * One request, for the aid officer (docs/aids.md « Screens: the daily work »): the documents received, the decision
 * (the envelope's remaining shown), the payments (record, cancel by a counter-entry, pay an instalment), the proof.
 */
export function RequestPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const request = useQuery(requestQuery(id))
  const person = useQuery({ ...personQuery(request.data?.personId ?? ''), enabled: !!request.data })
  const fund = useQuery({ ...fundQuery(request.data?.fundId ?? ''), enabled: !!request.data })
  const who = person.data ? `${person.data.lastName.toUpperCase()} ${person.data.firstName}` : ''
  const r = request.data
  return (
    <Page title={who ? `Demande d’aide de ${who}` : 'Demande d’aide'}>
      <FormError error={request.error} title="Chargement impossible" />
      {request.isPending && <Loader aria-label="Chargement de la demande" />}
      {r && (
        <Stack gap="lg">
          <Group gap="md">
            <AnchorLink to="/aides">Retour aux aides à traiter</AnchorLink>
            <AnchorLink to="/personnes/$id" params={{ id: r.personId }}>
              Dossier de la personne
            </AnchorLink>
          </Group>
          <RequestCard request={r} payments={false} />
          {r.status === 'submitted' && <Documents request={r} documents={fund.data?.documents ?? []} />}
          {r.status === 'complete' &&
            (r.decidedIn === 'officer' ? (
              <DecisionForm request={r} />
            ) : (
              <Alert variant="light">Cette demande se décide en commission.</Alert>
            ))}
          {granted(r.status) && leftToPay(r) > 0 && <PaymentForm request={r} fund={fund.data} />}
          {(granted(r.status) || r.payments.length > 0) && <PaymentsTable request={r} fund={fund.data} />}
          {granted(r.status) && !r.proofReceivedOn && r.paidCents > 0 && <Proof request={r} />}
          {(r.status === 'submitted' || r.status === 'complete') && <CancelRequest request={r} />}
        </Stack>
      )}
    </Page>
  )
}

/** The documents received (the whole list again): the request is complete when none is missing. */
function Documents({ request, documents }: { request: AidRequestFull; documents: string[] }) {
  const client = useQueryClient()
  const [received, setReceived] = useState(request.documents)
  const save = useMutation({
    mutationFn: () => aidsApi.documents(request.id, received, request.version),
    onSettled: () => refreshAids(client),
  })
  return (
    <section aria-labelledby="aide-pieces">
      <Title order={2} size="h3" id="aide-pieces" mb="xs">
        Pièces reçues
      </Title>
      <Stack gap="sm">
        <FormError error={save.error} title="Enregistrement impossible" />
        <Checkbox.Group label="Pièces du fonds" value={received} onChange={setReceived}>
          <Stack gap={4} mt={4}>
            {documents.map((d) => (
              <Checkbox key={d} value={d} label={d} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button w="fit-content" loading={save.isPending} onClick={() => save.mutate()}>
          Enregistrer les pièces
        </Button>
      </Stack>
    </section>
  )
}

function Proof({ request }: { request: AidRequestFull }) {
  const client = useQueryClient()
  const proof = useMutation({
    mutationFn: () => aidsApi.proof(request.id, today(), request.version),
    onSettled: () => refreshAids(client),
  })
  return (
    <section aria-labelledby="aide-justificatif">
      <Title order={2} size="h3" id="aide-justificatif" mb="xs">
        Justificatif d’utilisation
      </Title>
      <FormError error={proof.error} title="Enregistrement impossible" />
      <Group>
        <Text size="sm">Attendu.</Text>
        <Button size="sm" variant="default" loading={proof.isPending} onClick={() => proof.mutate()}>
          Justificatif reçu aujourd’hui
        </Button>
      </Group>
    </section>
  )
}

function CancelRequest({ request }: { request: AidRequestFull }) {
  const client = useQueryClient()
  const cancel = useMutation({
    mutationFn: () => aidsApi.cancel(request.id, null, request.version),
    onSettled: () => refreshAids(client),
  })
  return (
    <Stack gap="xs">
      <FormError error={cancel.error} title="Annulation impossible" />
      <Button
        color="red"
        variant="subtle"
        w="fit-content"
        loading={cancel.isPending}
        onClick={() => {
          if (window.confirm('Annuler cette demande ? Elle ne sera pas décidée.')) cancel.mutate()
        }}
      >
        Annuler la demande
      </Button>
    </Stack>
  )
}
