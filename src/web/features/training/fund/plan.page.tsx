import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { can } from '../../../../shared/auth/roles.ts'
import type { ProfPlan } from '../../../../shared/training/fund.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { planQuery } from './fund.api.ts'
import { cofunderKindLabel, contractLabel, planStatusColor, planStatusLabel } from './fund.labels.ts'
import { PlanActions } from './plan-actions.tsx'

// A professionalisation plan (docs/training/fund.md): the employee, the employer and contract, the training and its
// financing (fund and co-funders), the committee's decision, the reimbursement; the training officer's actions.

export function PlanPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const plan = useQuery(planQuery(id))
  const p = plan.data
  return (
    <Page title={p ? `Plan de formation de ${p.personName}` : 'Plan de formation'}>
      <AnchorLink to="/formation/fonds">Retour au fonds de professionnalisation</AnchorLink>
      <FormError error={plan.error} title="Chargement impossible" />
      {plan.isPending ? (
        <Loader aria-label="Chargement du plan" />
      ) : p ? (
        <PlanView plan={p} manage={can(me.role, 'profFundManage')} />
      ) : null}
    </Page>
  )
}

const dash = (v: string | null | undefined) => v || '—'

function PlanView({ plan: p, manage }: { plan: ProfPlan; manage: boolean }) {
  const cofunded = p.cofunding.reduce((s, c) => s + c.amountCents, 0)
  const rest = p.totalCostCents - p.fundCents - cofunded
  const facts: [string, string][] = [
    ['Employeur', `${p.employerName}${p.employerSiret ? ` (SIRET ${p.employerSiret})` : ''}`],
    ['Contrat', contractLabel(p.contractKind)],
    [
      'Durée du contrat',
      p.contractStart || p.contractEnd
        ? `du ${p.contractStart ? formatDate(p.contractStart) : '—'} au ${p.contractEnd ? formatDate(p.contractEnd) : '—'}`
        : '—',
    ],
    ['Formation', p.trainingTitle],
    ['Organisme', dash(p.bodyName)],
    ['Heures', formatNumber(p.hours)],
    ['Coût total', formatEuros(p.totalCostCents)],
    ['Part du fonds', formatEuros(p.fundCents)],
    ['Coût horaire du fonds', formatEuros(p.costPerHourCents)],
  ]
  return (
    <Stack gap="lg">
      <Group>
        <Badge color={planStatusColor(p.status)} variant="light" size="lg">
          {planStatusLabel(p.status)}
        </Badge>
        {p.committeeDate && <Text>Comité du {formatDate(p.committeeDate)}</Text>}
      </Group>
      {manage && <PlanActions plan={p} />}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} spacing="xs">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <section aria-labelledby="plan-cofinanceurs">
        <Title order={2} size="h3" id="plan-cofinanceurs" mb="xs">
          Financement
        </Title>
        <Table striped>
          <Table.Caption>Le financement du plan : le fonds, les cofinanceurs et le reste</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Financeur</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th ta="right">Montant</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" fw={500}>
                Fonds de professionnalisation
              </Table.Th>
              <Table.Td>—</Table.Td>
              <Table.Td ta="right">{formatEuros(p.fundCents)}</Table.Td>
            </Table.Tr>
            {p.cofunding.map((c) => (
              <Table.Tr key={c.cofunder}>
                <Table.Th scope="row" fw={500}>
                  {c.cofunder}
                </Table.Th>
                <Table.Td>{cofunderKindLabel(c.kind)}</Table.Td>
                <Table.Td ta="right">{formatEuros(c.amountCents)}</Table.Td>
              </Table.Tr>
            ))}
            {rest > 0 && (
              <Table.Tr>
                <Table.Th scope="row" fw={500}>
                  Non financé
                </Table.Th>
                <Table.Td>—</Table.Td>
                <Table.Td ta="right">{formatEuros(rest)}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </section>
      <section aria-labelledby="plan-decision">
        <Title order={2} size="h3" id="plan-decision" mb="xs">
          Comité et remboursement
        </Title>
        <Text>
          {p.status === 'submitted'
            ? 'À présenter au comité du fonds.'
            : `${planStatusLabel(p.status)}${p.committeeDate ? ` — comité du ${formatDate(p.committeeDate)}` : ''}.`}
        </Text>
        {p.decisionNote && <Text>Observation : {p.decisionNote}</Text>}
        {p.status === 'validated' && (
          <Text>
            Remboursé à l’employeur : {formatEuros(p.reimbursedCents ?? 0)} sur {formatEuros(p.fundCents)}
          </Text>
        )}
      </section>
    </Stack>
  )
}
