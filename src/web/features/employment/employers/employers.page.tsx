import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { workforceBands } from '../../../../shared/employment/employment.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { TablePagination } from '../../../components/table.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink, ButtonLink } from '../../persons/anchor-link.tsx'
import { employersApi, employersQuery, refreshEmployers } from './employers.api.ts'

// « Entreprises » (docs/employment/employers.md « Screens »): the structure's companies, searched by name or trade name,
// SIRET or commune, by pages; « Nouvelle entreprise » and the SIRENE import for the employment officer.

const ACTIVE_OPTIONS = [
  { value: 'true', label: 'Fiches actives' },
  { value: 'false', label: 'Fiches closes' },
  { value: 'all', label: 'Toutes' },
]

export function EmployersPage() {
  const me = useMe()
  const manage = can(me.role, 'employmentManage')
  const [q, setQ] = useState('')
  const [active, setActive] = useState<'true' | 'false' | 'all'>('true')
  const [paging, setPaging] = useState({ page: 1, pageSize: 25 })
  const [search] = useDebouncedValue(q.trim(), 300)
  const list = useQuery(employersQuery({ q: search || undefined, active, ...paging }))
  const data = list.data
  return (
    <Page
      title="Entreprises"
      actions={
        manage && (
          <ButtonLink to="/emploi/entreprises/nouvelle" variant="filled">
            Nouvelle entreprise
          </ButtonLink>
        )
      }
    >
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label="Rechercher une entreprise"
          description="Nom, enseigne, SIRET, commune ou code postal"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value)
            setPaging((p) => ({ ...p, page: 1 }))
          }}
          w={360}
          type="search"
        />
        <Select
          label="Fiches"
          data={ACTIVE_OPTIONS}
          value={active}
          allowDeselect={false}
          onChange={(v) => {
            setActive((v as typeof active) ?? 'true')
            setPaging((p) => ({ ...p, page: 1 }))
          }}
          w={180}
        />
      </Group>
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending && <Loader aria-label="Chargement des entreprises" />}
      {data && (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover>
              <Table.Caption>Les entreprises de la structure</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Entreprise</Table.Th>
                  <Table.Th scope="col">SIRET</Table.Th>
                  <Table.Th scope="col">Activité (NAF)</Table.Th>
                  <Table.Th scope="col">Effectif</Table.Th>
                  <Table.Th scope="col">Commune</Table.Th>
                  <Table.Th scope="col">Dernier échange</Table.Th>
                  <Table.Th scope="col">Offres ouvertes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <AnchorLink to="/emploi/entreprises/$id" params={{ id: e.id }}>
                        {e.name}
                      </AnchorLink>
                      {e.tradeName && (
                        <Text span size="sm">
                          {' '}
                          ({e.tradeName})
                        </Text>
                      )}
                      {!e.active && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          (close)
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{e.siret ?? '—'}</Table.Td>
                    <Table.Td>{e.nafCode ? `${e.nafCode} ${e.nafLabel ?? ''}` : '—'}</Table.Td>
                    <Table.Td>
                      {e.workforceBand ? (workforceBands.labels as Record<string, string>)[e.workforceBand] : '—'}
                    </Table.Td>
                    <Table.Td>{[e.postcode, e.communeName].filter(Boolean).join(' ') || '—'}</Table.Td>
                    <Table.Td>{e.lastInteractionOn ? formatDate(e.lastInteractionOn) : '—'}</Table.Td>
                    <Table.Td>{formatNumber(e.openOffers)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <TablePagination total={data.total} page={data.page} pageSize={data.pageSize} onChange={setPaging} />
        </Stack>
      )}
      {manage && <SireneImport />}
    </Page>
  )
}

/** the SIRENE « StockEtablissement » CSV: checked (dry run) or imported, whole or not at all */
function SireneImport() {
  const client = useQueryClient()
  const titleId = useId()
  const [file, setFile] = useState<File | null>(null)
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) => employersApi.importSirene(file!, dryRun),
    onSuccess: (r) => {
      if (!r.dryRun) void refreshEmployers(client)
    },
  })
  const r = send.data
  const issues = isApiError(send.error) ? send.error.fields : []
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="xs">
        Import SIRENE
      </Title>
      <Stack gap="sm" maw={720}>
        <Text size="sm">
          Un extrait CSV du fichier « StockEtablissement » (colonnes siret, denominationUniteLegale ou
          enseigne1Etablissement, activitePrincipaleEtablissement, trancheEffectifsEtablissement, adresse, code postal,
          commune). Tout ou rien : une entreprise déjà connue par son SIRET est mise à jour.
        </Text>
        <FileInput
          label="Fichier SIRENE (CSV)"
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f)
            send.reset()
          }}
          clearable
        />
        <Group>
          <Button
            variant="default"
            disabled={!file}
            loading={send.isPending}
            onClick={() => send.mutate({ dryRun: true })}
          >
            Vérifier le fichier
          </Button>
          <Button disabled={!file} loading={send.isPending} onClick={() => send.mutate({ dryRun: false })}>
            Importer
          </Button>
        </Group>
        {r && (
          <Alert color="green" variant="light" role="status" title={r.dryRun ? 'Fichier correct' : 'Import terminé'}>
            {r.dryRun ? 'À l’import : ' : ''}
            {formatNumber(r.created)} entreprise{r.created > 1 ? 's' : ''} créée{r.created > 1 ? 's' : ''},{' '}
            {formatNumber(r.updated)} mise{r.updated > 1 ? 's' : ''} à jour.
          </Alert>
        )}
        {send.error && (
          <Alert color="red" variant="light" role="alert" title="Import refusé">
            <Text size="sm">{send.error.message}</Text>
            {issues.length > 0 && (
              <List size="sm" mt="xs">
                {issues.map((i) => (
                  <List.Item key={`${i.field}-${i.message}`}>{i.message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
      </Stack>
    </section>
  )
}
