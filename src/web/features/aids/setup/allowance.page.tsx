import { Alert, Anchor, Button, Group, Loader, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime, formatEuros, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { fundsQuery, refreshAids, worklistQuery } from '../aids.api.ts'
import { runFileUrl, runsQuery, setupApi } from '../setup.api.ts'
import { serverErrors } from './setup.bodies.ts'

// « Allocation CIVIS / CEJ » (docs/aids.md « Screens: configuration, commissions, allowance, projects »): the granted
// allowances not paid yet, the month's payment run and its transfer file, the previous runs. A second run of a month
// is the server's refusal, shown next to the month.

const monthName = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' })
/** '2026-03-01' → « mars 2026 » */
export const monthLabel = (month: string) => monthName.format(new Date(`${month}T00:00:00Z`))
/** this month and the eleven before, by their first day, the latest first */
export function recentMonths(day: string, count = 12): string[] {
  const [y, m] = day.split('-').map(Number) as [number, number]
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1))
    return d.toISOString().slice(0, 10)
  })
}

export function AllowancePage() {
  const funds = useQuery(fundsQuery())
  const allowances = (funds.data ?? []).filter((f) => f.kind === 'allowance')
  return (
    <Page title="Allocation CIVIS / CEJ">
      <FormError error={funds.error} title="Chargement impossible" />
      {funds.isPending ? (
        <Loader aria-label="Chargement des fonds" />
      ) : allowances.length === 0 ? (
        <Text>Aucun fonds d’allocation mensuelle.</Text>
      ) : (
        allowances.map((f) => <AllowanceFund key={f.id} fund={f} single={allowances.length === 1} />)
      )}
    </Page>
  )
}

function AllowanceFund({ fund, single }: { fund: Fund; single: boolean }) {
  const client = useQueryClient()
  const months = useMemo(() => recentMonths(today()), [])
  const [month, setMonth] = useState(months[0] as string)
  const work = useQuery(worklistQuery)
  const [file, setFile] = useState<{ url: string; name: string; month: string } | null>(null)
  useEffect(() => () => (file ? URL.revokeObjectURL(file.url) : undefined), [file])
  const run = useMutation({
    mutationFn: () => setupApi.runPayments(fund.id, month),
    onMutate: () => setFile(null),
    onSuccess: (csv) => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
      setFile({ url, name: `virements-${fund.code}-${month.slice(0, 7)}.csv`, month })
    },
    onSettled: () => refreshAids(client),
  })
  const monthError = serverErrors(run.error).month
  const toPay = (work.data?.toPay ?? []).filter((r) => r.fundId === fund.id)
  const titleId = `allocation-${fund.id}`
  return (
    <section aria-labelledby={titleId}>
      <Stack gap="md">
        {!single && (
          <Title order={2} size="h3" id={titleId}>
            {fund.code} — {fund.name}
          </Title>
        )}
        <section aria-labelledby={`${titleId}-a-payer`}>
          <Title order={2} size="h3" id={`${titleId}-a-payer`} mb="xs">
            Allocations accordées à payer
          </Title>
          <FormError error={work.error} title="Chargement impossible" />
          {work.isPending ? (
            <Loader aria-label="Chargement des allocations" />
          ) : toPay.length === 0 ? (
            <Text>Aucune allocation accordée en attente de paiement.</Text>
          ) : (
            <Table striped aria-label="Allocations accordées à payer">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Jeune</Table.Th>
                  <Table.Th>Demandée le</Table.Th>
                  <Table.Th ta="right">Accordé</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {toPay.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <AnchorLink to="/aides/demandes/$id" params={{ id: r.id }}>
                        {r.personName}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{formatDate(r.askedOn)}</Table.Td>
                    <Table.Td ta="right">{formatEuros(r.amountGrantedCents ?? 0)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            run.mutate()
          }}
        >
          <Stack gap="xs">
            <Group align="flex-start">
              <Select
                label="Mois"
                data={months.map((m) => ({ value: m, label: monthLabel(m) }))}
                value={month}
                onChange={(v) => v && setMonth(v)}
                allowDeselect={false}
                w={220}
                error={monthError}
              />
              <Button type="submit" mt={25} loading={run.isPending}>
                Lancer le paiement du mois
              </Button>
            </Group>
            {run.error && !monthError && <FormError error={run.error} title="Paiement non lancé" />}
            {file && (
              <Alert color="green" role="status" title="Virement groupé enregistré">
                <Group justify="space-between">
                  <Text size="sm">Les allocations de {monthLabel(file.month)} sont payées par virement.</Text>
                  <Button component="a" href={file.url} download={file.name} size="xs">
                    Télécharger le fichier des virements ({monthLabel(file.month)})
                  </Button>
                </Group>
              </Alert>
            )}
          </Stack>
        </form>
        <Runs fund={fund} />
      </Stack>
    </section>
  )
}

/** The fund's previous runs, the latest first, each with its transfer file to download again. */
function Runs({ fund }: { fund: Fund }) {
  const runs = useQuery(runsQuery(fund.id))
  const titleId = `virements-${fund.id}`
  return (
    <section aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="xs">
        Virements groupés
      </Title>
      <FormError error={runs.error} title="Chargement impossible" />
      {runs.isPending ? (
        <Loader aria-label="Chargement des virements" />
      ) : (runs.data ?? []).length === 0 ? (
        <Text>Aucun virement groupé.</Text>
      ) : (
        <Table striped aria-label="Virements groupés">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mois</Table.Th>
              <Table.Th ta="right">Allocations</Table.Th>
              <Table.Th ta="right">Total</Table.Th>
              <Table.Th>Lancé</Table.Th>
              <Table.Th>Fichier</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(runs.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row" fw={500}>
                  {monthLabel(r.month)}
                </Table.Th>
                <Table.Td ta="right">{r.payments}</Table.Td>
                <Table.Td ta="right">{formatEuros(r.totalCents)}</Table.Td>
                <Table.Td>
                  {formatDateTime(r.createdAt)}
                  {r.createdByName && ` par ${r.createdByName}`}
                </Table.Td>
                <Table.Td>
                  <Anchor href={runFileUrl(fund.id, r.id)} download>
                    Fichier des virements<VisuallyHidden> de {monthLabel(r.month)}</VisuallyHidden>
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  )
}
