import { Alert, Loader, Table } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { FormError } from '../../../components/form-error.tsx'
import { formatEuros, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { overviewQuery } from '../aids.api.ts'
import { consumedRate } from './envelope-figures.tsx'
import { thisYear, YearSelect } from './year-select.tsx'

// « Synthèse des aides » (docs/aids.md « Screens: the daily work »): the director's view of every fund's envelope for a
// year — allocated, committed, paid, remaining and the share committed — each fund opening its dashboard.
export function OverviewPage() {
  const [year, setYear] = useState(thisYear)
  const overview = useQuery(overviewQuery(year))
  const funds = overview.data?.funds ?? []
  const total = (pick: (f: (typeof funds)[number]) => number) => funds.reduce((s, f) => s + pick(f), 0)
  return (
    <Page title="Synthèse des aides">
      <YearSelect year={year} onChange={setYear} />
      <FormError error={overview.error} title="Chargement impossible" />
      {overview.isPending ? (
        <Loader aria-label="Chargement de la synthèse" />
      ) : funds.length === 0 ? (
        <Alert color="gray">Aucun fonds.</Alert>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover>
            <caption>Enveloppes des fonds en {year}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Fonds</Table.Th>
                <Table.Th ta="right">Alloué</Table.Th>
                <Table.Th ta="right">Engagé</Table.Th>
                <Table.Th ta="right">Payé</Table.Th>
                <Table.Th ta="right">Reste</Table.Th>
                <Table.Th ta="right">Engagé / alloué</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {funds.map((f) => {
                const rate = consumedRate(f)
                return (
                  <Table.Tr key={f.fundId}>
                    <Table.Th scope="row" fw={500}>
                      <AnchorLink to="/aides/fonds/$id" params={{ id: f.fundId }}>
                        {f.code} — {f.name}
                      </AnchorLink>
                      {!f.active && ' (inactif)'}
                    </Table.Th>
                    <Table.Td ta="right">{formatEuros(f.allocatedCents)}</Table.Td>
                    <Table.Td ta="right">{formatEuros(f.committedCents)}</Table.Td>
                    <Table.Td ta="right">{formatEuros(f.paidCents)}</Table.Td>
                    <Table.Td ta="right">{formatEuros(f.remainingCents)}</Table.Td>
                    <Table.Td ta="right">
                      {rate === null ? '—' : `${formatNumber(rate, { maximumFractionDigits: 1 })} %`}
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">Total</Table.Th>
                <Table.Th ta="right">{formatEuros(total((f) => f.allocatedCents))}</Table.Th>
                <Table.Th ta="right">{formatEuros(total((f) => f.committedCents))}</Table.Th>
                <Table.Th ta="right">{formatEuros(total((f) => f.paidCents))}</Table.Th>
                <Table.Th ta="right">{formatEuros(total((f) => f.remainingCents))}</Table.Th>
                <Table.Td />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </Page>
  )
}
