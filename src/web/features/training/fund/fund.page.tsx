import { Alert, Badge, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { ProfPlan } from '../../../../shared/training/fund.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { fundYearQuery, plansQuery } from './fund.api.ts'
import { planStatusColor, planStatusLabel, planStatusOptions, thisYear, yearOptions } from './fund.labels.ts'
import { FundEnvelopes } from './fund-envelopes.tsx'
import { FundGauge, FundKeyFigures } from './fund-figures.tsx'
import { PlanFormModal } from './plan-form.tsx'

// « Fonds de professionnalisation » (docs/training/fund.md): the year's envelope and its consumption, the key figures,
// the envelopes by funder and the plans of the year (the committee's year, or the filing's for a plan to present).
// The training officer files plans and sets the envelopes; the director reads.

export function FundPage() {
  const me = useMe()
  const manage = can(me.role, 'profFundManage')
  const navigate = useNavigate()
  const [year, setYear] = useState(thisYear)
  const [status, setStatus] = useState<string | null>(null)
  const [creating, setCreating] = useState(false)
  const figures = useQuery(fundYearQuery(year))
  return (
    <Page
      title="Fonds de professionnalisation"
      actions={manage && <Button onClick={() => setCreating(true)}>Nouveau plan</Button>}
    >
      <Select
        label="Année"
        data={yearOptions()}
        value={String(year)}
        onChange={(v) => v && setYear(Number(v))}
        allowDeselect={false}
        w={160}
      />
      <FormError error={figures.error} title="Chargement impossible" />
      {figures.isPending ? (
        <Loader aria-label="Chargement du fonds" />
      ) : figures.data ? (
        <>
          <section aria-labelledby="fonds-annee">
            <Stack gap="sm">
              <Title order={2} size="h3" id="fonds-annee">
                L’enveloppe {year}
              </Title>
              <FundGauge year={figures.data} />
              <FundKeyFigures year={figures.data} />
            </Stack>
          </section>
          <FundEnvelopes year={figures.data} editable={manage} />
        </>
      ) : null}
      <Plans year={year} status={status} onStatus={setStatus} />
      <PlanFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => navigate({ to: '/formation/fonds/plans/$id', params: { id: p.id } })}
      />
    </Page>
  )
}

function Plans({
  year,
  status,
  onStatus,
}: {
  year: number
  status: string | null
  onStatus: (s: string | null) => void
}) {
  const plans = useQuery(plansQuery({ year, ...(status ? { status } : {}) }))
  const list = plans.data ?? []
  return (
    <section aria-labelledby="fonds-plans">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="fonds-plans">
            Plans de formation {year}
          </Title>
          <Select
            label="Statut"
            placeholder="Tous"
            data={planStatusOptions}
            value={status}
            onChange={onStatus}
            clearable
            w={220}
          />
        </Group>
        <FormError error={plans.error} title="Chargement impossible" />
        {plans.isPending ? (
          <Loader aria-label="Chargement des plans" />
        ) : list.length === 0 ? (
          <Alert color="gray">Aucun plan.</Alert>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table striped>
              <Table.Caption>
                {formatNumber(list.length)} plan{list.length > 1 ? 's' : ''} de formation en {year}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Salarié</Table.Th>
                  <Table.Th>Employeur</Table.Th>
                  <Table.Th>Formation</Table.Th>
                  <Table.Th ta="right">Heures</Table.Th>
                  <Table.Th ta="right">Part du fonds</Table.Th>
                  <Table.Th ta="right">Coût horaire</Table.Th>
                  <Table.Th>Statut</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((p) => (
                  <PlanRow key={p.id} plan={p} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </section>
  )
}

function PlanRow({ plan: p }: { plan: ProfPlan }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <AnchorLink to="/formation/fonds/plans/$id" params={{ id: p.id }}>
          {p.personName}
        </AnchorLink>
      </Table.Th>
      <Table.Td>{p.employerName}</Table.Td>
      <Table.Td>
        {p.trainingTitle}
        <Text size="sm" c="dimmed">
          {p.bodyName ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td ta="right">{formatNumber(p.hours)}</Table.Td>
      <Table.Td ta="right">{formatEuros(p.fundCents)}</Table.Td>
      <Table.Td ta="right">{formatEuros(p.costPerHourCents)}</Table.Td>
      <Table.Td>
        <Badge color={planStatusColor(p.status)} variant="light">
          {planStatusLabel(p.status)}
        </Badge>
        {p.committeeDate && (
          <Text size="sm" c="dimmed">
            Comité du {formatDate(p.committeeDate)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
