import { Badge, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Proposal } from '../../../shared/plie/proposals.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import { useDocumentTitle } from '../../components/page.tsx'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { SiteSelect } from '../persons/pickers.tsx'
import { proposalsQuery } from './plie.api.ts'
import { proposalStatusLabel } from './plie.labels.ts'

/** « Propositions »: the proposals waiting for a committee and those deferred, by site. */
export function ProposalsPage() {
  useDocumentTitle('Propositions PLIE')
  const [siteId, setSiteId] = useState<string | null>(null)
  const site = siteId ? { siteId } : {}
  const pending = useQuery(proposalsQuery({ ...site, status: 'pending' }))
  const deferred = useQuery(proposalsQuery({ ...site, status: 'deferred' }))
  return (
    <Stack>
      <Title order={1}>Propositions PLIE</Title>
      <SiteSelect label="Site" placeholder="Tous les sites" clearable w={320} value={siteId} onChange={setSiteId} />
      <ProposalTable title="En attente du comité" id="propositions-attente" query={pending} />
      <ProposalTable title="Ajournées" id="propositions-ajournees" query={deferred} />
    </Stack>
  )
}

function ProposalTable({
  title,
  id,
  query,
}: {
  title: string
  id: string
  query: { isPending: boolean; error: unknown; data?: { items: Proposal[]; truncated: boolean } }
}) {
  const items = [...(query.data?.items ?? [])].sort(
    (a, b) => a.siteName.localeCompare(b.siteName, 'fr') || a.proposedOn.localeCompare(b.proposedOn),
  )
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending ? (
        <Loader aria-label={`Chargement : ${title}`} />
      ) : items.length === 0 ? (
        <Text>Aucune proposition.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-labelledby={id}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Site</Table.Th>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Proposée le</Table.Th>
                <Table.Th>Par</Table.Th>
                <Table.Th>Éligibilité</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.siteName}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/personnes/$id" params={{ id: p.personId }} search={{ onglet: 'plie' }}>
                      {p.personName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(p.proposedOn)}</Table.Td>
                  <Table.Td>{p.proposedByName ?? '—'}</Table.Td>
                  <Table.Td>
                    {p.eligibility.eligible ? 'Éligible' : p.overridden ? 'Hors règles (motivée)' : 'Non éligible'}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{proposalStatusLabel(p.status)}</Badge>
                    {p.committeeId && (
                      <AnchorLink to="/plie/comites/$id" params={{ id: p.committeeId }} ml="xs" size="sm">
                        à l’ordre du jour
                      </AnchorLink>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  )
}
