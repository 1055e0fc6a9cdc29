import { Button, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { ClauseDashboard } from '../../../../shared/employment/clauses.schema.ts'
import { clauseOperationStatuses } from '../../../../shared/employment/employment.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { clausesApi, clausesDashboardQuery, refreshClauses } from './clauses.api.ts'
import { donePercent, HoursTable } from './hours-table.tsx'
import { HoursChart } from './lazy-hours-chart.tsx'

// « Clauses sociales » (docs/employment/clauses.md): the facilitator's dashboard. The insertion hours required and
// done by operation (its site) and by company, each as a chart and as a table; the key figures; a new operation.

export function ClausesDashboardPage() {
  const me = useMe()
  const manage = can(me.role, 'clausesManage')
  const dashboard = useQuery(clausesDashboardQuery())
  const d = dashboard.data
  return (
    <Page title="Clauses sociales d’insertion">
      <FormError error={dashboard.error} title="Chargement impossible" />
      {dashboard.isPending && <Loader aria-label="Chargement des clauses" />}
      {d && <Dashboard d={d} />}
      {manage && <NewOperation />}
    </Page>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Stack>
  )
}

function Dashboard({ d }: { d: ClauseDashboard }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Figure label="Heures dues" value={formatNumber(d.totals.requiredHours)} />
        <Figure label="Heures réalisées" value={formatNumber(d.totals.doneHours)} />
        <Figure label="Réalisé" value={donePercent(d.totals.doneHours, d.totals.requiredHours)} />
        <Figure label="Personnes en insertion" value={formatNumber(d.totals.participants)} />
        <Figure label="Contrats signés" value={formatNumber(d.totals.contracts)} />
      </SimpleGrid>
      <section aria-labelledby="clauses-operations">
        <Title order={2} size="h3" id="clauses-operations" mb="xs">
          Par opération (chantier)
        </Title>
        {d.operations.length === 0 ? (
          <Text>Aucune opération enregistrée.</Text>
        ) : (
          <Stack>
            <HoursChart
              title="Heures dues et réalisées par chantier"
              bars={d.operations.map((o) => ({
                label: o.siteLabel,
                requiredHours: o.requiredHours,
                doneHours: o.doneHours,
              }))}
            />
            <HoursTable
              caption="Heures dues et réalisées par opération"
              head="Opération — chantier"
              rows={d.operations.map((o) => ({
                key: o.id,
                label: (
                  <>
                    <AnchorLink to="/emploi/clauses/$id" params={{ id: o.id }}>
                      {o.name}
                    </AnchorLink>{' '}
                    — {o.siteLabel} ({o.contractingAuthority}, {clauseOperationStatuses.labels[o.status].toLowerCase()})
                  </>
                ),
                requiredHours: o.requiredHours,
                doneHours: o.doneHours,
              }))}
            />
          </Stack>
        )}
      </section>
      {d.companies.length > 0 && (
        <section aria-labelledby="clauses-companies">
          <Title order={2} size="h3" id="clauses-companies" mb="xs">
            Par entreprise
          </Title>
          <Stack>
            <HoursChart
              title="Heures dues et réalisées par entreprise"
              bars={d.companies.map((c) => ({ ...c, label: c.name }))}
            />
            <HoursTable
              caption="Heures dues et réalisées par entreprise"
              head="Entreprise"
              rows={d.companies.map((c) => ({ ...c, key: c.employerId ?? '', label: c.name }))}
            />
          </Stack>
        </section>
      )}
    </Stack>
  )
}

function NewOperation() {
  const client = useQueryClient()
  const navigate = useNavigate()
  const [v, setV] = useState({ name: '', contractingAuthority: '', contractRef: '', siteLabel: '', status: 'running' })
  const create = useMutation({
    mutationFn: () =>
      clausesApi.createOperation({
        ...v,
        contractRef: v.contractRef || null,
        status: v.status as 'planned' | 'running' | 'closed',
      }),
    onSuccess: async (op) => {
      await refreshClauses(client)
      await navigate({ to: '/emploi/clauses/$id', params: { id: op.id } })
    },
  })
  const fieldError = (f: string) =>
    isApiError(create.error) ? create.error.fields.find((e) => e.field === f)?.message : undefined
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value })
  return (
    <section aria-labelledby="clauses-new">
      <Title order={2} size="h3" id="clauses-new" mt="lg" mb="xs">
        Nouvelle opération
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          create.mutate()
        }}
      >
        <Stack maw={560} gap="sm">
          <TextInput
            label="Nom de l’opération"
            required
            value={v.name}
            onChange={set('name')}
            error={fieldError('name')}
          />
          <TextInput
            label="Maître d’ouvrage"
            required
            value={v.contractingAuthority}
            onChange={set('contractingAuthority')}
            error={fieldError('contractingAuthority')}
          />
          <TextInput
            label="Référence du marché"
            value={v.contractRef}
            onChange={set('contractRef')}
            error={fieldError('contractRef')}
          />
          <TextInput
            label="Chantier"
            required
            value={v.siteLabel}
            onChange={set('siteLabel')}
            error={fieldError('siteLabel')}
          />
          <Select
            label="Statut"
            data={clauseOperationStatuses.codes.map((c) => ({ value: c, label: clauseOperationStatuses.labels[c] }))}
            value={v.status}
            onChange={(s) => setV({ ...v, status: s ?? 'running' })}
            allowDeselect={false}
          />
          {create.error && !isApiError(create.error) && (
            <FormError error={create.error} title="Enregistrement impossible" />
          )}
          {isApiError(create.error) && create.error.fields.length === 0 && (
            <FormError error={create.error} title="Enregistrement impossible" />
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Enregistrer l’opération
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  )
}
