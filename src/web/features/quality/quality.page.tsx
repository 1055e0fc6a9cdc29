import { Button, Group, Loader, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { can } from '../../../shared/auth/roles.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { sitesQuery } from '../admin/admin.api.ts'
import { useMe } from '../auth/auth.api.ts'
import { CounsellorSelect } from '../persons/pickers.tsx'
import { qualitySummaryQuery, qualityTrendQuery } from './quality.api.ts'
import { type QualitySearch, qualitySearchSchema } from './quality.search.ts'
import { QualityFiles } from './quality-files.tsx'
import { GroupTable, TrendTable } from './quality-tables.tsx'

/** Data quality: each rule of the data-entry charter, how many files break it, the files to fix, the trend. */
export function QualityPage() {
  const me = useMe()
  const params = qualitySearchSchema.parse(useSearch({ strict: false }))
  const navigate = useNavigate()
  const update = (patch: Partial<QualitySearch>) =>
    navigate({ to: '/qualite', search: { ...params, ...patch }, replace: true })
  const scope = { siteId: params.siteId, counsellorId: params.counsellorId }
  const summary = useQuery(qualitySummaryQuery(scope))
  const whole = can(me.role, 'personsWholeStructure') || can(me.role, 'statisticsWholeStructure')
  const sites = useQuery({ ...sitesQuery, enabled: whole })
  const siteOptions = (whole ? (sites.data ?? []) : me.sites).map((s) => ({ value: s.id, label: s.name }))
  const trend = useQuery({
    ...qualityTrendQuery({ siteId: params.siteId, months: 12 }),
    enabled: can(me.role, 'qualityTrend'),
  })
  const data = summary.data
  const rule = data?.rules.find((r) => r.id === params.regle)
  const openFiles = can(me.role, 'qualityFiles')

  return (
    <Page title="Qualité des données">
      <Text>
        La charte de saisie du service statistique : chaque règle dit ce qu’elle vérifie et comment corriger. Sont
        comptés les dossiers en cours (une inscription ouverte aujourd’hui)
        {whole ? ' de toute la structure' : ' que vous suivez ou de vos sites'}.
      </Text>
      <Group align="flex-end" gap="md" role="search" aria-label="Choisir le site et le conseiller">
        <Select
          label="Site"
          placeholder={whole ? 'Tous les sites' : 'Tous vos sites'}
          data={siteOptions}
          value={params.siteId ?? null}
          onChange={(v) => update({ siteId: v ?? undefined, page: undefined })}
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les sites' }}
          w={240}
        />
        <CounsellorSelect
          label="Conseiller référent"
          placeholder="Tous les conseillers"
          clearButtonProps={{ 'aria-label': 'Tous les conseillers' }}
          value={params.counsellorId ?? null}
          onChange={(v) => update({ counsellorId: v ?? undefined, page: undefined })}
          w={260}
        />
      </Group>

      <FormError error={summary.error} title="Chargement impossible" />
      {summary.isPending ? (
        <Loader aria-label="Calcul de la qualité des données" />
      ) : (
        data && (
          <Stack gap="lg" aria-busy={summary.isFetching}>
            <Table.ScrollContainer minWidth={640}>
              <Table withTableBorder verticalSpacing="xs">
                <Table.Caption>
                  Règles de la charte au {formatDate(data.today)} — {formatNumber(data.files)} dossier
                  {data.files > 1 ? 's' : ''} en cours
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Règle</Table.Th>
                    <Table.Th ta="right">Dossiers à corriger</Table.Th>
                    {openFiles && (
                      <Table.Th>
                        <VisuallyHidden>Liste</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.rules.map((r, i) => (
                    <Table.Tr key={r.id} bg={r.id === params.regle ? 'blue.0' : undefined}>
                      <Table.Th scope="row" fw={400}>
                        <Text fw={600} size="sm">
                          R{i + 1}. {r.label}
                        </Text>
                        <Text size="xs" c="dimmed" maw={720}>
                          {r.explanation}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="right" fw={700} data-rule={r.id}>
                        {formatNumber(r.count)}
                      </Table.Td>
                      {openFiles && (
                        <Table.Td>
                          {r.count > 0 && (
                            <Button
                              size="xs"
                              variant={r.id === params.regle ? 'filled' : 'light'}
                              aria-pressed={r.id === params.regle}
                              onClick={() => update({ regle: r.id, page: undefined })}
                            >
                              Voir les dossiers
                              <VisuallyHidden> : {r.label}</VisuallyHidden>
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>

            {openFiles && rule && rule.count > 0 && (
              <QualityFiles
                rule={rule}
                scope={scope}
                page={params.page ?? 1}
                pageSize={params.pageSize ?? 25}
                onPage={(next) => update(next)}
              />
            )}

            <Title order={2} size="h3">
              Par site et par conseiller
            </Title>
            <GroupTable caption="Dossiers à corriger par site" header="Site" groups={data.bySite} rules={data.rules} />
            <GroupTable
              caption="Dossiers à corriger par conseiller référent"
              header="Conseiller"
              groups={data.byCounsellor}
              rules={data.rules}
            />
          </Stack>
        )
      )}

      {can(me.role, 'qualityTrend') && (
        <Stack gap="sm" component="section" aria-labelledby="quality-trend-title">
          <Title order={2} size="h3" id="quality-trend-title">
            Évolution sur douze mois
          </Title>
          <Text size="sm" c="dimmed">
            Chaque mois est compté à son dernier jour (aujourd’hui pour le mois en cours), d’après les dates des
            dossiers tels qu’ils sont saisis aujourd’hui : une correction antidatée corrige aussi les mois passés.
          </Text>
          <FormError error={trend.error} title="Chargement impossible" />
          {trend.isPending ? (
            <Loader aria-label="Calcul de l’évolution" />
          ) : (
            trend.data && <TrendTable trend={trend.data} />
          )}
        </Stack>
      )}
    </Page>
  )
}
