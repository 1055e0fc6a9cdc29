import { Badge, Button, Checkbox, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { Application, Operation } from '../../../../shared/employment/operations.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime } from '../../../components/format.ts'
import { ExportButtons } from '../../../components/list-export.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { AddApplication, StepDialog } from './application-forms.tsx'
import { applicationsExportUrl, applicationsQuery, operationsApi, refreshOperations } from './operations.api.ts'
import { outcomeLabel, outcomeOptions, sourceLabel, sourceOptions, stageOptions } from './operations.labels.ts'

// The operation's applications (docs/employment/operations.md): filters (stage reached, who sent it, session, outcome,
// name), the export of the filtered list as a file, a selection for the bulk actions — invite to a session, mark present or absent at it — and each one's step.

const yesNo = (v: boolean | null) => (v === null ? '—' : v ? 'Présent' : 'Absent')

export function Applications({ operation, manage }: { operation: Operation; manage: boolean }) {
  const me = useMe()
  const client = useQueryClient()
  const [stage, setStage] = useState<string | null>(null)
  const [source, setSource] = useState<string | null>(null)
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const [q, setQ] = useState('')
  const [words] = useDebouncedValue(q.trim(), 300)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [target, setTarget] = useState<string | null>(operation.sessions.at(-1)?.id ?? null)
  const [stepOf, setStepOf] = useState<Application | null>(null)
  const filter = {
    stage: stage ?? undefined,
    source: source ?? undefined,
    sessionId: sessionId ?? undefined,
    outcome: outcome ?? undefined,
    q: words || undefined,
  }
  const list = useQuery(applicationsQuery(operation.id, filter))
  const items = list.data ?? []
  const chosen = items.filter((a) => selected.has(a.id))
  const sessionOptions = operation.sessions.map((s) => ({
    value: s.id,
    label: `${formatDateTime(s.at)}${s.place ? ` — ${s.place}` : ''}`,
  }))
  const sessionLabel = (id: string | null) => (id ? (sessionOptions.find((s) => s.value === id)?.label ?? '—') : '—')
  const bulk = useMutation({
    mutationFn: (action: 'invite' | 'present' | 'absent') => {
      if (!target) throw new Error('Choisissez l’information collective.')
      const versioned = chosen.map((a) => ({ id: a.id, version: a.version }))
      return action === 'invite'
        ? operationsApi.invite(operation.id, target, versioned)
        : operationsApi.attendance(
            operation.id,
            target,
            versioned.map((v) => ({ ...v, attended: action === 'present' })),
          )
    },
    onSuccess: () => setSelected(new Set()),
    onSettled: () => refreshOperations(client),
  })
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })
  const all = items.length > 0 && chosen.length === items.length
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2} size="h3">
            Candidatures
          </Title>
          <ExportButtons url={applicationsExportUrl(operation.id)} query={filter} label="les candidatures" />
        </Group>
        {can(me.role, 'employmentPosition') && operation.status !== 'closed' && operation.status !== 'cancelled' && (
          <AddApplication operation={operation} outsiders={manage} />
        )}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filtrer les candidatures">
        <Select label="Étape atteinte" data={stageOptions} value={stage} onChange={setStage} clearable w={250} />
        <Select label="Envoyée par" data={sourceOptions} value={source} onChange={setSource} clearable w={220} />
        <Select
          label="Information collective"
          data={sessionOptions}
          value={sessionId}
          onChange={setSessionId}
          clearable
          w={260}
        />
        <Select label="Issue" data={outcomeOptions} value={outcome} onChange={setOutcome} clearable w={170} />
        <TextInput label="Nom" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={180} />
      </Group>
      {manage && (
        <Group align="flex-end" gap="sm" wrap="wrap" aria-label="Actions sur la sélection" role="group">
          <Select label="Information collective" data={sessionOptions} value={target} onChange={setTarget} w={280} />
          <Button
            variant="light"
            disabled={!chosen.length || !target}
            loading={bulk.isPending}
            onClick={() => bulk.mutate('invite')}
          >
            Inviter la sélection ({chosen.length})
          </Button>
          <Button variant="light" disabled={!chosen.length || !target} onClick={() => bulk.mutate('present')}>
            Marquer présents
          </Button>
          <Button
            variant="light"
            color="gray"
            disabled={!chosen.length || !target}
            onClick={() => bulk.mutate('absent')}
          >
            Marquer absents
          </Button>
        </Group>
      )}
      <FormError error={bulk.error ?? list.error} title="Action impossible" />
      {list.isPending ? (
        <Loader aria-label="Chargement des candidatures" />
      ) : items.length === 0 ? (
        <Text>Aucune candidature ne répond à ces critères.</Text>
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped highlightOnHover aria-label="Candidatures de l’opération">
            <Table.Thead>
              <Table.Tr>
                {manage && (
                  <Table.Th>
                    <Checkbox
                      aria-label="Tout sélectionner"
                      checked={all}
                      indeterminate={chosen.length > 0 && !all}
                      onChange={(e) =>
                        setSelected(e.currentTarget.checked ? new Set(items.map((a) => a.id)) : new Set())
                      }
                    />
                  </Table.Th>
                )}
                <Table.Th>Candidat</Table.Th>
                <Table.Th>Commune</Table.Th>
                <Table.Th>Envoyée par</Table.Th>
                <Table.Th>Reçue le</Table.Th>
                <Table.Th>Information collective</Table.Th>
                <Table.Th>Présence</Table.Th>
                <Table.Th>Test</Table.Th>
                <Table.Th>Entretien</Table.Th>
                <Table.Th>Issue</Table.Th>
                {manage && <Table.Th>Étape</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => {
                const name = `${a.lastName.toUpperCase()} ${a.firstName ?? ''}`.trim()
                return (
                  <Table.Tr key={a.id}>
                    {manage && (
                      <Table.Td>
                        <Checkbox
                          aria-label={`Sélectionner ${name}`}
                          checked={selected.has(a.id)}
                          onChange={(e) => toggle(a.id, e.currentTarget.checked)}
                        />
                      </Table.Td>
                    )}
                    <Table.Th scope="row" fw={500}>
                      {a.person ? (
                        <AnchorLink to="/personnes/$id" params={{ id: a.person.id }}>
                          {name}
                        </AnchorLink>
                      ) : (
                        name
                      )}
                      {!a.person && (
                        <Text size="xs" c="dimmed">
                          hors des dossiers
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>
                      {a.communeName ?? a.communeCode ?? '—'}
                      {a.local && (
                        <Badge ml={6} size="xs" variant="light" color="teal">
                          local
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{sourceLabel(a.source)}</Table.Td>
                    <Table.Td>{formatDate(a.receivedOn)}</Table.Td>
                    <Table.Td>{sessionLabel(a.infoSessionId)}</Table.Td>
                    <Table.Td>{yesNo(a.attended)}</Table.Td>
                    <Table.Td>{a.testResult === null ? '—' : a.testResult === 'passed' ? 'Réussi' : 'Échoué'}</Table.Td>
                    <Table.Td>{a.interviewedOn ? formatDate(a.interviewedOn) : '—'}</Table.Td>
                    <Table.Td>{outcomeLabel(a.outcome)}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={a.outcome !== null}
                          onClick={() => setStepOf(a)}
                        >
                          Étape…
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <StepDialog key={stepOf?.id ?? 'none'} application={stepOf} onClose={() => setStepOf(null)} />
    </Stack>
  )
}
