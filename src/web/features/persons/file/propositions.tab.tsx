import { Alert, Badge, Button, Group, Loader, Select, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Proposition } from '../../../../shared/accompaniment/accompaniment.schema.ts'
import { propositionDomains, propositionOutcomes } from '../../../../shared/nomenclatures/accompaniment.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { TablePagination } from '../../../components/table.tsx'
import { domainOptions, labelOf } from '../labels.ts'
import { propositionsQuery, themesQuery } from '../record.api.ts'
import { SensitiveHint } from '../sensitive.tsx'
import type { FileSearch } from './file-search.ts'
import { PropositionFormModal, themeOptions } from './proposition-form.tsx'

const domains = new Set<string>(propositionDomains.codes)

/** Propositions, latest first, filterable by domain and theme; health ones hidden from those who do not follow. */
export function PropositionsTab({
  person,
  search,
  setSearch,
}: {
  person: PersonDetail
  search: FileSearch
  setSearch: (patch: Partial<FileSearch>) => void
}) {
  const domain = search.domain && domains.has(search.domain) ? (search.domain as Proposition['domain']) : undefined
  const params = {
    page: search.page ?? 1,
    pageSize: search.pageSize ?? 25,
    domain,
    theme: domain ? search.theme : undefined,
  }
  const propositions = useQuery(propositionsQuery(person.id, params))
  const themes = useQuery(themesQuery)
  const [editing, setEditing] = useState<{ proposition?: Proposition } | null>(null)
  const hidden = propositions.data?.hiddenSensitive ?? 0

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md">
        <Group align="flex-end" role="search" aria-label="Filtrer les propositions">
          <Select
            label="Domaine"
            data={domainOptions}
            value={domain ?? null}
            onChange={(v) => setSearch({ domain: v ?? undefined, theme: undefined, page: undefined })}
            clearable
            clearButtonProps={{ 'aria-label': 'Tous les domaines' }}
            placeholder="Tous les domaines"
            w={220}
          />
          <Select
            label="Thème"
            data={themeOptions(themes.data, domain, true)}
            value={params.theme ?? null}
            onChange={(v) => setSearch({ theme: v ?? undefined, page: undefined })}
            disabled={!domain}
            clearable
            clearButtonProps={{ 'aria-label': 'Tous les thèmes' }}
            placeholder={domain ? 'Tous les thèmes' : 'Choisissez un domaine'}
            w={240}
          />
        </Group>
        {person.can.write && <Button onClick={() => setEditing({})}>Nouvelle proposition</Button>}
      </Group>
      {person.can.seeSensitive && (
        <Group mb="sm">
          <SensitiveHint />
          <Text size="sm" c="dimmed">
            (propositions de santé)
          </Text>
        </Group>
      )}
      {hidden > 0 && (
        <Alert color="gray" variant="light" mb="md" title="Accès restreint" role="note">
          Certaines informations sensibles ne vous sont pas accessibles : {formatNumber(hidden)} proposition
          {hidden > 1 ? 's' : ''} de santé {hidden > 1 ? 'sont masquées' : 'est masquée'}.
        </Alert>
      )}
      <FormError error={propositions.error} title="Chargement impossible" />
      {propositions.isPending ? (
        <Loader aria-label="Chargement des propositions" />
      ) : (
        <Table.ScrollContainer minWidth={850}>
          <Table striped aria-busy={propositions.isFetching}>
            <Table.Caption>Propositions, de la plus récente à la plus ancienne</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Domaine</Table.Th>
                <Table.Th>Thème</Table.Th>
                <Table.Th>Suite</Table.Th>
                <Table.Th>Durée</Table.Th>
                <Table.Th>Conseiller</Table.Th>
                <Table.Th>Description</Table.Th>
                {person.can.write && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {propositions.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text ta="center" py="md">
                      Aucune proposition{domain ? ' pour ce filtre' : ''}.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {propositions.data?.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.date)}</Table.Td>
                  <Table.Td>{labelOf(propositionDomains.labels, p.domain)}</Table.Td>
                  <Table.Td>
                    {p.themeLabel}
                    {p.sensitive && (
                      <Badge ml="xs" size="sm" color="orange" variant="light">
                        sensible
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{labelOf(propositionOutcomes.labels, p.outcome)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.durationMinutes != null ? `${formatNumber(p.durationMinutes)} min` : ''}
                  </Table.Td>
                  <Table.Td>{p.counsellorName}</Table.Td>
                  <Table.Td maw={300}>
                    <Text size="sm" lineClamp={3}>
                      {p.text}
                    </Text>
                  </Table.Td>
                  {person.can.write && (
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => setEditing({ proposition: p })}>
                        Modifier
                        <VisuallyHidden>{` : ${p.themeLabel} du ${formatDate(p.date)}`}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {propositions.data && propositions.data.total > 0 && (
        <TablePagination
          total={propositions.data.total}
          page={params.page}
          pageSize={params.pageSize}
          onChange={(next) => setSearch(next)}
        />
      )}
      <PropositionFormModal
        person={person}
        proposition={editing?.proposition}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
    </>
  )
}
