import { Alert, Button, Checkbox, Group, Loader, SegmentedControl, Select, Stack, Tabs, Text } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { periodLabel } from '../../../shared/reporting/period.ts'
import type { IndicatorResult } from '../../../shared/reporting/reporting.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { Page } from '../../components/page.tsx'
import { sitesQuery } from '../admin/admin.api.ts'
import { DateField } from '../persons/date-field.tsx'
import { Comparison } from './comparison.tsx'
import { CrossTable } from './cross-table.tsx'
import { ResultView } from './result-view.tsx'
import { catalogueQuery, indicatorQuery, reportUrl } from './statistics.api.ts'
import { lastYear, type StatisticsSearch, statisticsSearchSchema } from './statistics.search.ts'

const years = Array.from({ length: lastYear + 2 - 2000 }, (_, i) => String(lastYear + 1 - i))

/** Any indicator, any period and site, year on year, by sex; the annual report to download. */
export function StatisticsPage() {
  const params = statisticsSearchSchema.parse(useSearch({ strict: false }))
  const navigate = useNavigate()
  // on a phone the choices go one under the other, each the screen's width
  const phone = useMediaQuery('(max-width: 48em)') ?? false
  const update = (patch: Partial<StatisticsSearch>) =>
    navigate({ to: '/statistiques', search: { ...params, ...patch }, replace: true })
  const catalogue = useQuery(catalogueQuery)
  const sites = useQuery(sitesQuery)
  const validPeriod = params.from <= params.to
  const result = useQuery({ ...indicatorQuery(params), enabled: validPeriod })
  const entry = catalogue.data?.find((i) => i.id === params.indicator)
  const year =
    params.from.endsWith('-01-01') && params.to === `${params.from.slice(0, 4)}-12-31` ? params.from.slice(0, 4) : null

  // grouped by family, in the catalogue's order; each family's title comes from the module that computes it
  const indicatorOptions = [...new Map((catalogue.data ?? []).map((i) => [i.family, i.familyLabel]))].map(
    ([family, group]) => ({
      group,
      items: (catalogue.data ?? []).filter((i) => i.family === family).map((i) => ({ value: i.id, label: i.label })),
    }),
  )

  return (
    <Page
      title="Statistiques"
      actions={
        <Group gap="xs" aria-label="Rapport annuel de la période">
          <Button component="a" href={reportUrl(params, 'pdf')} variant="light" download>
            Rapport PDF
          </Button>
          <Button component="a" href={reportUrl(params, 'xlsx')} variant="light" download>
            Tableur
          </Button>
          <Button component="a" href={reportUrl(params, 'json')} variant="subtle" download>
            JSON
          </Button>
        </Group>
      }
    >
      <Text>
        Chaque chiffre est un indicateur défini une fois pour toutes (voir sa définition ci-dessous). Le rapport annuel
        téléchargé est un document publiable : les petits effectifs y sont masqués (secret statistique).
      </Text>
      <Stack gap="sm" role="search" aria-label="Choisir l’indicateur et la période">
        <Group align="flex-end" gap="md">
          <Select
            label="Indicateur"
            data={indicatorOptions}
            value={params.indicator}
            onChange={(v) => v && update({ indicator: v })}
            allowDeselect={false}
            searchable
            w={{ base: '100%', sm: 380 }}
          />
          <Select
            label="Année civile"
            placeholder="Autre période"
            data={years}
            value={year}
            onChange={(y) => y && update({ from: `${y}-01-01`, to: `${y}-12-31` })}
            w={{ base: '100%', sm: 150 }}
          />
          <DateField
            label="Du"
            value={params.from}
            onChange={(v) => v && update({ from: v })}
            w={{ base: '100%', sm: 170 }}
          />
          <DateField
            label="Au"
            value={params.to}
            error={validPeriod ? undefined : 'La fin doit suivre le début.'}
            onChange={(v) => v && update({ to: v })}
            w={{ base: '100%', sm: 170 }}
          />
          <Select
            label="Site"
            placeholder="Tous les sites"
            data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={params.siteId ?? null}
            onChange={(v) => update({ siteId: v ?? undefined })}
            clearable
            searchable
            w={{ base: '100%', sm: 260 }}
          />
        </Group>
        <Group align="center" gap="lg">
          <div>
            <Text size="sm" fw={500} id="compare-label">
              Périodes comparées
            </Text>
            <SegmentedControl
              aria-labelledby="compare-label"
              orientation={phone ? 'vertical' : 'horizontal'}
              fullWidth={phone}
              data={[
                { value: '1', label: 'Période seule' },
                { value: '2', label: '2 périodes' },
                { value: '3', label: '3 périodes' },
                { value: '5', label: '5 périodes' },
              ]}
              value={String(params.compare)}
              onChange={(v) => update({ compare: Number(v) })}
            />
          </div>
          <Checkbox
            label="Par sexe"
            checked={params.bySex === 'true'}
            onChange={(e) => update({ bySex: e.currentTarget.checked ? 'true' : undefined })}
            mt="lg"
          />
          <Checkbox
            label="Appliquer le secret statistique"
            checked={params.public === 'true'}
            onChange={(e) => update({ public: e.currentTarget.checked ? 'true' : undefined })}
            mt="lg"
          />
        </Group>
      </Stack>

      {entry && (
        <Alert variant="light" title={`${entry.label} — ${periodLabel(params)}`}>
          <Text size="sm">{entry.definition}</Text>
          <Text size="sm" mt={4}>
            Population : {entry.population}
          </Text>
          {entry.notes.map((n) => (
            <Text key={n} size="sm" c="dimmed" mt={4}>
              {n}
            </Text>
          ))}
        </Alert>
      )}

      <FormError error={result.error ?? catalogue.error} title="Calcul impossible" />
      {result.isPending && validPeriod ? (
        <Loader aria-label="Calcul de l’indicateur" />
      ) : (
        result.data && (
          <Stack gap="lg" aria-busy={result.isFetching}>
            {result.data.results.length > 1 && <Comparison results={result.data.results} />}
            <ResultByPeriod results={result.data.results} />
            <CrossTable scope={params} />
          </Stack>
        )
      )}
    </Page>
  )
}

/** The requested period in full; split by sex in tabs when asked. */
function ResultByPeriod({ results }: { results: IndicatorResult[] }) {
  const last = results[results.length - 1]
  if (!last) return null
  if (!last.bySex) return <ResultView result={last} title={`Détail — ${periodLabel(last.period)}`} />
  return (
    <Tabs defaultValue="all">
      <Tabs.List>
        <Tabs.Tab value="all">Ensemble</Tabs.Tab>
        <Tabs.Tab value="F">Femmes</Tabs.Tab>
        <Tabs.Tab value="M">Hommes</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="all" pt="md">
        <ResultView result={last} />
      </Tabs.Panel>
      <Tabs.Panel value="F" pt="md">
        <ResultView result={{ ...last.bySex.F, bySex: undefined }} />
      </Tabs.Panel>
      <Tabs.Panel value="M" pt="md">
        <ResultView result={{ ...last.bySex.M, bySex: undefined }} />
      </Tabs.Panel>
    </Tabs>
  )
}
