import {
  Badge,
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
import { applicationSources } from '../../../../shared/employment/employment.nomenclature.ts'
import type { Operation, OperationSession } from '../../../../shared/employment/operations.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime, formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { Applications } from './applications.tsx'
import { FunnelChart } from './lazy-funnel-chart.tsx'
import { OperationForm } from './operation-form.tsx'
import { operationQuery, operationsApi, refreshOperations } from './operations.api.ts'
import {
  funnelRows,
  operationStatusColor,
  operationStatusLabel,
  percentText,
  sourceLabel,
} from './operations.labels.ts'
import { SessionDialog } from './session-dialog.tsx'

// An operation (docs/employment/operations.md): what the employer asks, the funnel as a chart with its table, who sent
// the applications, the local share, the information sessions, and the applications with their steps and bulk actions.

function Funnel({ o }: { o: Operation }) {
  const rows = funnelRows(o.funnel)
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="entonnoir">
        Entonnoir du recrutement
      </Title>
      <FunnelChart title={`Entonnoir : ${o.title}`} stages={rows} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table striped aria-label="Entonnoir du recrutement" maw={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Étape</Table.Th>
              <Table.Th ta="right">Candidats</Table.Th>
              <Table.Th ta="right">Part des candidatures</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Th scope="row" fw={400}>
                  {r.label}
                </Table.Th>
                <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
                <Table.Td ta="right">
                  {o.funnel.applications
                    ? percentText(Math.round((r.count / o.funnel.applications) * 10_000) / 100)
                    : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap="xs">
          <Table striped aria-label="Qui a envoyé les candidatures" maw={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Envoyées par</Table.Th>
                <Table.Th ta="right">Candidatures</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applicationSources.codes.map((s) => (
                <Table.Tr key={s}>
                  <Table.Th scope="row" fw={400}>
                    {sourceLabel(s)}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(o.funnel.bySource[s] ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text>
            Part locale : <strong>{percentText(o.funnel.localPercent)}</strong> ({formatNumber(o.funnel.local)} sur{' '}
            {formatNumber(o.funnel.withCommune)} candidatures dont la commune est connue)
          </Text>
          <Text>
            Postes : <strong>{formatNumber(o.positions)}</strong>, recrutés :{' '}
            <strong>{formatNumber(o.funnel.hired)}</strong>
          </Text>
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}

function Sessions({ o, manage }: { o: Operation; manage: boolean }) {
  const client = useQueryClient()
  const [at, setAt] = useState('')
  const [place, setPlace] = useState('')
  const [capacity, setCapacity] = useState<number | string>('')
  const [edited, setEdited] = useState<OperationSession | null>(null)
  const settled = <T,>(p: Promise<T>) => p.finally(() => refreshOperations(client))
  const add = useMutation({
    mutationFn: () =>
      operationsApi.addSession(o.id, {
        at: at ? new Date(at).toISOString() : '',
        place: place.trim() || null,
        capacity: capacity === '' ? null : Number(capacity),
      }),
    onSuccess: () => {
      setAt('')
      setPlace('')
      setCapacity('')
    },
    onSettled: () => refreshOperations(client),
  })
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        Informations collectives
      </Title>
      {o.sessions.length === 0 ? (
        <Text>Aucune information collective.</Text>
      ) : (
        <Table striped aria-label="Informations collectives" maw={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Lieu</Table.Th>
              <Table.Th ta="right">Places</Table.Th>
              <Table.Th ta="right">Invités</Table.Th>
              <Table.Th ta="right">Présents</Table.Th>
              {manage && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Th scope="row" fw={400}>
                  {formatDateTime(s.at)}
                </Table.Th>
                <Table.Td>{s.place ?? '—'}</Table.Td>
                <Table.Td ta="right">{s.capacity === null ? '—' : formatNumber(s.capacity)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.invited)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.attended)}</Table.Td>
                {manage && (
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      aria-label={`Modifier l’information collective du ${formatDateTime(s.at)}`}
                      onClick={() => setEdited(s)}
                    >
                      Modifier
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {edited && (
        <SessionDialog
          session={{ ...edited, attached: edited.invited }}
          attachedLabel="candidature(s) invitée(s)"
          save={(body) => settled(operationsApi.updateSession(o.id, edited.id, body))}
          remove={(version) => settled(operationsApi.removeSession(o.id, edited.id, version))}
          onClose={() => setEdited(null)}
        />
      )}
      {manage && (
        <form
          noValidate
          aria-label="Nouvelle information collective"
          onSubmit={(e) => {
            e.preventDefault()
            add.mutate()
          }}
        >
          <FormError error={add.error} title="Enregistrement impossible" />
          <Group align="flex-end" gap="sm">
            <TextInput
              type="datetime-local"
              label="Date et heure"
              required
              value={at}
              onChange={(e) => setAt(e.currentTarget.value)}
            />
            <TextInput label="Lieu" value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
            <NumberInput label="Places" min={1} allowDecimal={false} value={capacity} onChange={setCapacity} w={110} />
            <Button type="submit" variant="light" loading={add.isPending}>
              Ajouter l’information collective
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  )
}

export function OperationPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const manage = can(me.role, 'employmentManage')
  const one = useQuery(operationQuery(id))
  const [editing, setEditing] = useState(false)
  const o = one.data
  if (!o)
    return (
      <Page title="Opération de recrutement">
        <FormError error={one.error} title="Chargement impossible" />
        {one.isPending && <Loader aria-label="Chargement de l’opération" />}
      </Page>
    )
  return (
    <Page
      title={o.title}
      actions={
        manage &&
        !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            Modifier l’opération
          </Button>
        )
      }
    >
      <AnchorLink to="/emploi/operations">← Opérations de recrutement</AnchorLink>
      {editing ? (
        <OperationForm operation={o} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <Stack gap={4}>
          <Group gap="sm">
            <Badge color={operationStatusColor(o.status)} variant="light">
              {operationStatusLabel(o.status)}
            </Badge>
            <Text>
              {o.employer.name} · {formatNumber(o.positions)} postes · du {formatDate(o.startsOn)}
              {o.endsOn ? ` au ${formatDate(o.endsOn)}` : ''}
              {o.officerName ? ` · suivie par ${o.officerName}` : ''}
            </Text>
          </Group>
          {o.profile && <Text>Profil : {o.profile}</Text>}
          {o.method && <Text>Méthode : {o.method}</Text>}
          {o.partners && <Text>Partenaires : {o.partners}</Text>}
        </Stack>
      )}
      <Funnel o={o} />
      <Sessions o={o} manage={manage} />
      <Applications operation={o} manage={manage} />
    </Page>
  )
}
