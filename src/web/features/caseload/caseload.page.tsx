import { Badge, Checkbox, Group, Loader, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useMemo } from 'react'
import { z } from 'zod'
import {
  type CaseloadRow,
  caseloadQuery as caseloadQuerySchema,
} from '../../../shared/accompaniment/caseload.schema.ts'
import { can } from '../../../shared/auth/roles.ts'
import { eventKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../components/format.ts'
import { ExportButtons, ListFilterFields } from '../../components/list-export.tsx'
import { Page } from '../../components/page.tsx'
import { SortableTh, TablePagination } from '../../components/table.tsx'
import { sitesQuery } from '../admin/admin.api.ts'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { CounsellorSelect } from '../persons/pickers.tsx'
import { type CaseloadParams, caseloadExportUrl, caseloadQuery } from './caseload.api.ts'

/** The list's state in the URL (?alert=only&sort=lastContact…): the API's query, a wrong value read as the default. */
const { shape } = caseloadQuerySchema
export const caseloadSearchSchema = z.object({
  page: shape.page.catch(1),
  pageSize: shape.pageSize.catch(25),
  counsellorId: shape.counsellorId.catch(undefined),
  alert: shape.alert.catch(undefined),
  sort: shape.sort.catch('name'),
  order: shape.order.catch('asc'),
  programmeId: shape.programmeId.catch(undefined),
  siteId: shape.siteId.catch(undefined),
  ageOutBefore: shape.ageOutBefore.catch(undefined),
  cejEndBefore: shape.cejEndBefore.catch(undefined),
})
type Sort = CaseloadParams['sort']

function clean(p: CaseloadParams): Partial<CaseloadParams> {
  const r: Partial<CaseloadParams> = {}
  if (p.page !== 1) r.page = p.page
  if (p.pageSize !== 25) r.pageSize = p.pageSize
  if (p.counsellorId) r.counsellorId = p.counsellorId
  if (p.alert) r.alert = p.alert
  if (p.sort !== 'name') r.sort = p.sort
  if (p.order !== 'asc') r.order = p.order
  for (const k of ['programmeId', 'siteId', 'ageOutBefore', 'cejEndBefore'] as const) if (p[k]) r[k] = p[k]
  return r
}

const days = (n: number) => `${formatNumber(n)} jour${n > 1 ? 's' : ''}`

/** "Sans contact depuis N jours", or since the first reception when there was never any contact. */
function AlertBadge({ row, today }: { row: CaseloadRow; today: string }) {
  if (!row.alert) return null
  const since = row.daysSinceContact
  return (
    <Badge
      color="red"
      variant="light"
      tt="none"
      size="md"
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {since !== null ? `Sans contact depuis ${days(since)}` : 'Aucun contact enregistré'}
      <VisuallyHidden component="span">{` (règle : ${days(row.contactDays)}, au ${formatDate(today)})`}</VisuallyHidden>
    </Badge>
  )
}

/** The counsellor's caseload: last contact, next appointment, open situations and programmes, contact alerts. */
export function CaseloadPage() {
  const me = useMe()
  const params = caseloadSearchSchema.parse(useSearch({ strict: false }))
  const navigate = useNavigate()
  const update = (patch: Partial<CaseloadParams>) =>
    navigate({ to: '/portefeuille', search: clean({ ...params, ...patch }), replace: true })
  // Someone who is nobody's referent (a director) has no caseload of their own: they look at a counsellor's.
  const own = can(me.role, 'referent')
  const ofOthers = can(me.role, 'caseloadOfOthers')
  const choose = !own && !params.counsellorId
  const caseload = useQuery({ ...caseloadQuery(params), enabled: !choose })
  const sites = useQuery(sitesQuery)
  const siteNames = useMemo(() => new Map(sites.data?.map((s) => [s.id, s.name])), [sites.data])
  const sortProps = {
    sort: params.sort,
    order: params.order,
    onSort: (sort: Sort, order: 'asc' | 'desc') => update({ sort, order, page: 1 }),
  }
  const data = caseload.data
  const phone = useMediaQuery('(max-width: 48em)')
  const empty = params.alert ? 'Aucune personne en alerte.' : 'Aucune personne dans ce portefeuille.'

  return (
    <Page
      title={own ? 'Mon portefeuille' : 'Portefeuille d’un conseiller'}
      actions={
        can(me.role, 'listExport') &&
        !choose && <ExportButtons url={caseloadExportUrl} query={{ ...params }} label="le portefeuille" />
      }
    >
      <Text>
        Les personnes dont vous êtes référent (ou référent d’un programme en cours). Une alerte signale une personne
        sans contact depuis plus longtemps que la règle de son programme (90 jours par défaut).
      </Text>
      <Stack gap="xs" role="search" aria-label="Filtrer le portefeuille">
        <Group align="flex-end" gap="lg">
          {ofOthers && (
            <CounsellorSelect
              label="Conseiller"
              placeholder="Choisissez un conseiller"
              value={params.counsellorId ?? null}
              onChange={(id) => update({ counsellorId: id ?? undefined, page: 1 })}
              w={280}
            />
          )}
          <Checkbox
            label="Alertes seulement"
            checked={params.alert === 'only'}
            onChange={(e) => update({ alert: e.currentTarget.checked ? 'only' : undefined, page: 1 })}
            mb={6}
          />
          {data && (
            <Text mb={4} aria-live="polite">
              {formatNumber(data.alerts)} personne{data.alerts > 1 ? 's' : ''} en alerte au {formatDate(data.today)}
            </Text>
          )}
        </Group>
        <ListFilterFields value={params} onChange={(patch) => update({ ...patch, page: 1 })} />
      </Stack>

      <FormError error={caseload.error} title="Chargement impossible" />
      {choose ? (
        <Text c="dimmed">Choisissez un conseiller pour voir son portefeuille.</Text>
      ) : caseload.isPending ? (
        <Loader aria-label="Chargement du portefeuille" />
      ) : phone && data?.items.length === 0 ? (
        <Text ta="center">{empty}</Text>
      ) : phone ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Personnes suivies">
          {data?.items.map((row) => (
            <Paper component="li" key={row.personId} withBorder p="xs" bg={row.alert ? 'red.0' : undefined}>
              <AnchorLink to="/personnes/$id" params={{ id: row.personId }} fw={600}>
                {row.lastName.toUpperCase()} {row.firstName}
              </AnchorLink>
              <Text size="sm">
                {row.age} ans · {siteNames.get(row.siteId) ?? ''} · dernier contact{' '}
                {row.lastContactDate ? formatDate(row.lastContactDate) : 'aucun'}
                {row.nextEvent ? ` · rendez-vous le ${formatDate(row.nextEvent.date)}` : ''}
              </Text>
              {data && <AlertBadge row={row} today={data.today} />}
            </Paper>
          ))}
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table
            striped
            highlightOnHover
            verticalSpacing={4}
            horizontalSpacing="xs"
            fz="sm"
            aria-busy={caseload.isFetching}
            style={{ whiteSpace: 'nowrap' }}
          >
            <Table.Caption>Personnes suivies</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="name" {...sortProps}>
                  Personne
                </SortableTh>
                <Table.Th>Âge</Table.Th>
                <Table.Th>Site</Table.Th>
                <SortableTh column="lastContact" {...sortProps}>
                  Dernier contact
                </SortableTh>
                <SortableTh column="nextEvent" {...sortProps}>
                  Prochain rendez-vous
                </SortableTh>
                <Table.Th>Situations en cours</Table.Th>
                <Table.Th>Programmes</Table.Th>
                <Table.Th>26 ans le</Table.Th>
                <Table.Th>Fin de CEJ</Table.Th>
                <Table.Th>Alerte</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={10}>
                    <Text ta="center" py="md">
                      {empty}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {data?.items.map((row) => (
                <Table.Tr key={row.personId} bg={row.alert ? 'red.0' : undefined}>
                  <Table.Td>
                    <AnchorLink to="/personnes/$id" params={{ id: row.personId }} fw={600}>
                      {row.lastName.toUpperCase()} {row.firstName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{row.age} ans</Table.Td>
                  <Table.Td>{siteNames.get(row.siteId) ?? ''}</Table.Td>
                  <Table.Td>
                    {row.lastContactDate ? (
                      <>
                        {formatDate(row.lastContactDate)}{' '}
                        <Text span size="xs" c="dimmed">
                          {row.daysSinceContact === 0 ? '(aujourd’hui)' : `(${days(row.daysSinceContact ?? 0)})`}
                        </Text>
                      </>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        Aucun
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {row.nextEvent ? (
                      <>
                        {formatDate(row.nextEvent.date)}{' '}
                        <Text span size="xs" c="dimmed">
                          {eventKinds.labels[row.nextEvent.kind]}
                        </Text>
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{row.openSituations.map((s) => s.label).join(', ') || '—'}</Table.Td>
                  <Table.Td>{row.openEnrolments.map((e) => e.code).join(', ') || '—'}</Table.Td>
                  <Table.Td>{formatDate(row.ageOutDate)}</Table.Td>
                  <Table.Td>{row.cejPlannedEnd ? formatDate(row.cejPlannedEnd) : '—'}</Table.Td>
                  <Table.Td>{data && <AlertBadge row={row} today={data.today} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data && (
        <TablePagination
          total={data.total}
          page={params.page}
          pageSize={params.pageSize}
          onChange={(next) => update(next)}
        />
      )}
    </Page>
  )
}
