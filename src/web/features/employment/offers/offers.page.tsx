import { Badge, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from '../../persons/anchor-link.tsx'
import {
  contractText,
  offerStatusColor,
  offerStatusLabel,
  offerStatusOptions,
  romeOptions,
  romeTitle,
} from '../employment.labels.ts'
import { offersQuery } from './offers.api.ts'

// « Offres d’emploi » for the employment officer, « Offres pour mes jeunes » for a counsellor (the offers broadcast to
// her sites: the server's scope), docs/employment/screens.md. Filters: status, site of broadcast, ROME, words; all of them applied by the server.

export function OffersPage() {
  const me = useMe()
  const manage = can(me.role, 'employmentManage')
  const counsellor = !can(me.role, 'employmentWholeStructure')
  const [status, setStatus] = useState<string | null>('open')
  const [siteId, setSiteId] = useState<string | null>(null)
  const [rome, setRome] = useState<string | null>(null)
  const [q, setQ] = useState('')
  const [words] = useDebouncedValue(q.trim(), 300)
  const list = useQuery(
    offersQuery({
      status: status ?? undefined,
      siteId: siteId ?? undefined,
      romeCode: rome ?? undefined,
      q: words || undefined,
    }),
  )
  const items = list.data?.items ?? []
  const day = today()
  return (
    <Page
      title={counsellor ? 'Offres pour mes jeunes' : 'Offres d’emploi'}
      actions={manage && <ButtonLink to="/emploi/offres/nouvelle">Nouvelle offre</ButtonLink>}
    >
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filtrer les offres">
        <Select
          label="Statut"
          data={offerStatusOptions}
          value={status}
          onChange={setStatus}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les statuts' }}
          w={170}
        />
        <Select
          label="Site de diffusion"
          data={me.sites.map((s) => ({ value: s.id, label: s.name }))}
          value={siteId}
          onChange={setSiteId}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les sites' }}
          w={240}
        />
        <Select
          label="Métier (ROME)"
          data={romeOptions}
          value={rome}
          onChange={setRome}
          searchable
          limit={50}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les métiers' }}
          w={300}
        />
        <TextInput label="Mots" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={200} />
      </Group>
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending ? (
        <Loader aria-label="Chargement des offres" />
      ) : items.length === 0 ? (
        <Text>Aucune offre ne répond à ces critères.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Offres d’emploi">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Poste</Table.Th>
                <Table.Th>Entreprise</Table.Th>
                <Table.Th>Contrat</Table.Th>
                <Table.Th>Lieu</Table.Th>
                <Table.Th ta="right">Postes</Table.Th>
                <Table.Th ta="right">Candidats</Table.Th>
                <Table.Th>Date limite</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => {
                const candidates = Object.values(o.candidateCounts).reduce((s, n) => s + n, 0)
                return (
                  <Table.Tr key={o.id}>
                    <Table.Th scope="row" fw={500}>
                      <AnchorLink to="/emploi/offres/$id" params={{ id: o.id }}>
                        {o.title}
                      </AnchorLink>
                      {o.romeCode && (
                        <Text size="xs" c="dimmed">
                          {romeTitle(o.romeCode)}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>{o.employerName}</Table.Td>
                    <Table.Td>{contractText(o.contractKind, o.durationMonths)}</Table.Td>
                    <Table.Td>{o.communeName ?? '—'}</Table.Td>
                    <Table.Td ta="right">{formatNumber(o.positions)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(candidates)}</Table.Td>
                    <Table.Td>
                      {o.closesOn ? formatDate(o.closesOn) : '—'}
                      {o.closesOn && o.closesOn < day && o.status === 'open' && (
                        <Text span size="sm" c="red.9" fw={600}>
                          {' '}
                          (dépassée)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={offerStatusColor(o.status)} variant="light">
                        {offerStatusLabel(o.status)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  )
}
