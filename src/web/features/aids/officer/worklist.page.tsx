import { Badge, Loader, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type { dueInstalmentSchema, workItemSchema } from '../../../../shared/aids/requests.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { worklistQuery } from '../aids.api.ts'
import { purposeLabel, trackLabel } from '../aids.labels.ts'
import { TimeLeft } from './request-card.tsx'

type WorkItem = z.infer<typeof workItemSchema>
type Instalment = z.infer<typeof dueInstalmentSchema>

// « Aides à traiter » (docs/aids.md « Screens: the daily work »): the aid officer's worklist in sections, emergencies
// first with their hours left (red when late); each line opens the request.

function Section({
  id,
  title,
  count,
  children,
}: {
  id: string
  title: string
  count: number
  children: React.ReactNode
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title} <Badge variant="light">{count}</Badge>
      </Title>
      {count === 0 ? <Text c="dimmed">Rien en attente.</Text> : children}
    </section>
  )
}

function Items({
  items,
  caption,
  extra,
}: {
  items: WorkItem[]
  caption: string
  extra: (i: WorkItem) => React.ReactNode
}) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Personne</Table.Th>
            <Table.Th>Fonds</Table.Th>
            <Table.Th>Objet</Table.Th>
            <Table.Th>Demandée le</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
            <Table.Th>Suivi</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Th scope="row" fw={500}>
                <AnchorLink to="/aides/demandes/$id" params={{ id: i.id }}>
                  {i.personName}
                </AnchorLink>
              </Table.Th>
              <Table.Td>
                {i.fundCode} · {trackLabel(i.track)}
              </Table.Td>
              <Table.Td>{purposeLabel(i.purpose)}</Table.Td>
              <Table.Td>{formatDate(i.askedOn)}</Table.Td>
              <Table.Td ta="right">{formatEuros(i.amountGrantedCents ?? i.amountAskedCents)}</Table.Td>
              <Table.Td>{extra(i)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function Instalments({ items }: { items: Instalment[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label="Échéances programmées dues">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Personne</Table.Th>
            <Table.Th>Fonds</Table.Th>
            <Table.Th>Échéance</Table.Th>
            <Table.Th ta="right">Montant</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Th scope="row" fw={500}>
                <AnchorLink to="/aides/demandes/$id" params={{ id: i.requestId }}>
                  {i.personName}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{i.fundCode}</Table.Td>
              <Table.Td>{formatDate(i.dueOn)}</Table.Td>
              <Table.Td ta="right">{formatEuros(i.amountCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

export function WorklistPage() {
  const list = useQuery(worklistQuery)
  const w = list.data
  // an emergency is decided from its own section: not listed twice
  const urgent = new Set(w?.emergencies.map((e) => e.id))
  const toDecide = w?.toDecide.filter((i) => !urgent.has(i.id)) ?? []
  return (
    <Page title="Aides à traiter">
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending && <Loader aria-label="Chargement des aides à traiter" />}
      {w && (
        <>
          <Section id="aides-urgences" title="Urgences (48 h)" count={w.emergencies.length}>
            <Items
              items={w.emergencies}
              caption="Urgences"
              extra={(i) => (i.hoursLeft === null ? null : <TimeLeft hours={i.hoursLeft} />)}
            />
          </Section>
          <Section id="aides-a-completer" title="À compléter" count={w.toComplete.length}>
            <Items
              items={w.toComplete}
              caption="À compléter"
              extra={(i) => `Manque : ${i.missingDocuments.join(', ')}`}
            />
          </Section>
          <Section id="aides-a-decider" title="À décider" count={toDecide.length}>
            <Items items={toDecide} caption="À décider" extra={() => 'Dossier complet'} />
          </Section>
          <Section id="aides-a-payer" title="À payer" count={w.toPay.length + w.instalmentsDue.length}>
            {w.toPay.length > 0 && (
              <Items
                items={w.toPay}
                caption="Aides accordées à payer"
                extra={(i) => `Payé : ${formatEuros(i.paidCents)}`}
              />
            )}
            {w.instalmentsDue.length > 0 && <Instalments items={w.instalmentsDue} />}
          </Section>
          <Section id="aides-justificatifs" title="Justificatifs attendus" count={w.proofsAwaited.length}>
            <Items
              items={w.proofsAwaited}
              caption="Justificatifs attendus"
              extra={(i) => `Payé : ${formatEuros(i.paidCents)}`}
            />
          </Section>
        </>
      )}
    </Page>
  )
}
