import { Group, Loader, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { dashboardQuery, type FundDashboard } from '../aids.api.ts'
import { EnvelopeFigureCards } from './envelope-figures.tsx'
import { ConsumptionChart } from './lazy-consumption-chart.tsx'
import { thisYear, YearSelect } from './year-select.tsx'

const MONTH_NAMES = [
  'Janvier',
  'Février',
  'Mars',
  'Avril',
  'Mai',
  'Juin',
  'Juillet',
  'Août',
  'Septembre',
  'Octobre',
  'Novembre',
  'Décembre',
]

// A fund's dashboard (docs/aids.md « Screens: the daily work »): the year's envelope (allocated, committed, paid,
// remaining), the month-by-month consumption as a chart loaded on demand and as a table, the requests by status and
// by purpose.
export function FundDashboardPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const [year, setYear] = useState(thisYear)
  const dashboard = useQuery(dashboardQuery(id, year))
  const d = dashboard.data
  return (
    <Page title={d ? `Fonds ${d.fund.code} — ${d.fund.name}` : 'Tableau de bord du fonds'}>
      <Group align="flex-end" justify="space-between">
        <YearSelect year={year} onChange={setYear} />
        <AnchorLink to="/aides/synthese">Tous les fonds</AnchorLink>
      </Group>
      <FormError error={dashboard.error} title="Chargement impossible" />
      {dashboard.isPending && <Loader aria-label="Chargement du tableau de bord" />}
      {d && <Dashboard d={d} year={year} />}
    </Page>
  )
}

function Dashboard({ d, year }: { d: FundDashboard; year: number }) {
  return (
    <>
      <Text>
        {d.fund.kindLabel}, financé par {d.fund.funder}
        {d.fund.active ? '' : ' (inactif)'}.
      </Text>
      <section aria-labelledby="fonds-enveloppe">
        <Title order={2} size="h3" id="fonds-enveloppe" mb="xs">
          Enveloppe {year}
        </Title>
        <EnvelopeFigureCards envelope={d.envelope} />
      </section>
      <section aria-labelledby="fonds-mois">
        <Title order={2} size="h3" id="fonds-mois" mb="xs">
          Consommation mois par mois
        </Title>
        <ConsumptionChart title={`Engagé et payé par mois en ${year}`} months={d.months} />
        <Table.ScrollContainer minWidth={420}>
          <Table striped aria-label={`Engagé et payé par mois en ${year}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Mois</Table.Th>
                <Table.Th ta="right">Engagé</Table.Th>
                <Table.Th ta="right">Payé</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw={400}>
                    {MONTH_NAMES[Number(m.month.slice(5, 7)) - 1] ?? m.month}
                  </Table.Th>
                  <Table.Td ta="right">{formatEuros(m.committedCents)}</Table.Td>
                  <Table.Td ta="right">{formatEuros(m.paidCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <section aria-labelledby="fonds-statuts">
          <Title order={2} size="h3" id="fonds-statuts" mb="xs">
            Demandes par statut
          </Title>
          <Table striped aria-label="Demandes par statut">
            <Table.Tbody>
              {d.byStatus.map((s) => (
                <Table.Tr key={s.status}>
                  <Table.Th scope="row" fw={400}>
                    {s.label}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(s.count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {d.byStatus.length === 0 && <Text c="dimmed">Aucune demande en {year}.</Text>}
        </section>
        <section aria-labelledby="fonds-objets">
          <Title order={2} size="h3" id="fonds-objets" mb="xs">
            Demandes par objet
          </Title>
          <Table striped aria-label="Demandes par objet">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Objet</Table.Th>
                <Table.Th ta="right">Demandes</Table.Th>
                <Table.Th ta="right">Accordé</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.byPurpose.map((p) => (
                <Table.Tr key={p.purpose}>
                  <Table.Th scope="row" fw={400}>
                    {p.label}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(p.count)}</Table.Td>
                  <Table.Td ta="right">{formatEuros(p.grantedCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {d.byPurpose.length === 0 && <Text c="dimmed">Aucune demande en {year}.</Text>}
        </section>
      </SimpleGrid>
    </>
  )
}
