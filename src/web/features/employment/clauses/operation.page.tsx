import {
  Anchor,
  Button,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { ClauseOperationDetail } from '../../../../shared/employment/clauses.schema.ts'
import {
  clauseCriteria,
  clauseOperationStatuses,
  contractKinds,
} from '../../../../shared/employment/employment.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { AddContract, AddParticipant, LotCompanyButton } from './clause-forms.tsx'
import { clauseOperationQuery, clausesApi, refreshClauses, statementPdfUrl } from './clauses.api.ts'
import { donePercent, HoursTable } from './hours-table.tsx'
import { HoursChart } from './lazy-hours-chart.tsx'
import { StatementImport } from './statement-import.tsx'
import { StatementsTable } from './statements-table.tsx'

// A clause operation (docs/employment/clauses.md): its site's required vs done hours (chart and table by lot), the
// companies, the participants with their eligibility (a sensitive criterion's read is audited by the server), the
// contracts, the statements imported, « Importer un relevé » and « Relevé PDF » for the contracting authority.

export function ClauseOperationPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const manage = can(me.role, 'clausesManage')
  const q = useQuery(clauseOperationQuery(id))
  const o = q.data
  return (
    <Page
      title={o ? `${o.name} — ${o.siteLabel}` : 'Opération de clause sociale'}
      actions={
        o && (
          <Anchor href={statementPdfUrl(o.id)} download>
            Relevé PDF
          </Anchor>
        )
      }
    >
      <AnchorLink to="/emploi/clauses">Toutes les opérations</AnchorLink>
      <FormError error={q.error} title="Chargement impossible" />
      {q.isPending && <Loader aria-label="Chargement de l’opération" />}
      {o && <Operation o={o} manage={manage} />}
    </Page>
  )
}

function Operation({ o, manage }: { o: ClauseOperationDetail; manage: boolean }) {
  return (
    <Stack gap="lg">
      <Text>
        Maître d’ouvrage : {o.contractingAuthority}
        {o.contractRef ? `, marché ${o.contractRef}` : ''} — {clauseOperationStatuses.labels[o.status]}
        {o.startsOn ? `, du ${formatDate(o.startsOn)}` : ''}
        {o.endsOn ? ` au ${formatDate(o.endsOn)}` : ''}.
      </Text>
      <section aria-label="Heures du chantier">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {[
            ['Heures dues', formatNumber(o.requiredHours), 'clause-required'],
            ['Heures réalisées', formatNumber(o.doneHours), 'clause-done'],
            ['Réalisé', donePercent(o.doneHours, o.requiredHours), 'clause-rate'],
            ['Personnes en insertion', formatNumber(o.participantCount), 'clause-people'],
          ].map(([label, value, testId]) => (
            <Stack gap={0} key={label}>
              <Text size="sm" c="dimmed" id={`${testId}-label`}>
                {label}
              </Text>
              <Text fw={700} size="xl" aria-labelledby={`${testId}-label`} data-testid={testId}>
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="clause-lots">
        <Title order={2} size="h3" id="clause-lots" mb="xs">
          Lots et entreprises
        </Title>
        {o.lots.length === 0 ? (
          <Text>Aucun lot.</Text>
        ) : (
          <Stack>
            <HoursChart
              title="Heures dues et réalisées par lot"
              bars={o.lots.map((l) => ({ label: l.label, requiredHours: l.requiredHours, doneHours: l.doneHours }))}
            />
            <HoursTable
              caption="Heures dues et réalisées par lot"
              head="Lot — entreprise"
              rows={o.lots.map((l) => ({
                key: l.id,
                label: `${l.label} — ${l.employerName ?? 'entreprise à désigner'}${l.employerSiret ? ` (SIRET ${l.employerSiret})` : ''}`,
                requiredHours: l.requiredHours,
                doneHours: l.doneHours,
              }))}
            />
          </Stack>
        )}
        {manage && o.lots.length > 0 && (
          <Stack gap={4} mt="sm">
            {o.lots.map((l) => (
              <Group key={l.id} gap="xs">
                <Text size="sm">
                  {l.label} — {l.employerName ?? 'entreprise à désigner'}
                </Text>
                <LotCompanyButton lot={l} />
              </Group>
            ))}
          </Stack>
        )}
        {manage && <NewLot operationId={o.id} />}
      </section>
      <section aria-labelledby="clause-people">
        <Title order={2} size="h3" id="clause-people" mb="xs">
          Participants
        </Title>
        {o.participants.length === 0 ? (
          <Text>Aucun participant sur cette opération.</Text>
        ) : (
          <Table striped aria-label="Participants de l’opération" maw={900}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Née le</Table.Th>
                <Table.Th>Critère d’éligibilité</Table.Th>
                <Table.Th ta="right">Heures</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.participants.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={400}>
                    <AnchorLink to="/personnes/$id" params={{ id: p.personId }}>
                      {p.lastName} {p.firstName}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{formatDate(p.birthDate)}</Table.Td>
                  <Table.Td>{clauseCriteria.labels[p.criterion]}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.hours)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manage && <AddParticipant />}
      </section>
      <section aria-labelledby="clause-contracts">
        <Title order={2} size="h3" id="clause-contracts" mb="xs">
          Contrats signés
        </Title>
        {o.contracts.length === 0 ? (
          <Text>Aucun contrat.</Text>
        ) : (
          <Table striped aria-label="Contrats signés" maw={900}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Contrat</Table.Th>
                <Table.Th>Début</Table.Th>
                <Table.Th ta="right">Durée (mois)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.contracts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.lastName} {c.firstName}
                  </Table.Td>
                  <Table.Td>{c.lotLabel}</Table.Td>
                  <Table.Td>{contractKinds.labels[c.contractKind]}</Table.Td>
                  <Table.Td>{formatDate(c.startsOn)}</Table.Td>
                  <Table.Td ta="right">{c.durationMonths ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {manage && <AddContract lots={o.lots} />}
      </section>
      <StatementsTable statements={o.statements} />
      {manage && <StatementImport operationId={o.id} />}
    </Stack>
  )
}

function NewLot({ operationId }: { operationId: string }) {
  const client = useQueryClient()
  const [label, setLabel] = useState('')
  const [hours, setHours] = useState<number | string>('')
  const add = useMutation({
    mutationFn: () => clausesApi.addLot(operationId, { label, requiredHours: Number(hours), employerId: null }),
    onSuccess: async () => {
      setLabel('')
      setHours('')
      await refreshClauses(client)
    },
  })
  const fieldError = (f: string) =>
    isApiError(add.error) ? add.error.fields.find((e) => e.field === f)?.message : undefined
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        add.mutate()
      }}
    >
      <Group align="flex-end" mt="sm">
        <TextInput
          label="Nouveau lot"
          required
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={fieldError('label')}
        />
        <NumberInput
          label="Heures d’insertion dues"
          required
          min={0}
          allowDecimal={false}
          value={hours}
          onChange={setHours}
          error={fieldError('requiredHours')}
        />
        <Button type="submit" variant="default" loading={add.isPending}>
          Ajouter le lot
        </Button>
      </Group>
      {add.error && !fieldError('label') && !fieldError('requiredHours') && (
        <FormError error={add.error} title="Ajout impossible" />
      )}
    </form>
  )
}
