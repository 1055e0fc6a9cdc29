import { Badge, Button, Group, Loader, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { type Member, type Pool, type PoolSession, poolStages } from '../../../../shared/employment/pools.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime, formatNumber, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { PersonPicker, type PickedPerson } from '../../agenda/person-picker.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { membersQuery, poolQuery, poolsApi, refreshPools } from './operations.api.ts'
import { leftReasonLabel, leftReasonOptions, poolKindLabel, poolStageOptions } from './operations.labels.ts'
import { PoolDialog } from './pools.page.tsx'
import { SessionDialog } from './session-dialog.tsx'

// A pool (docs/employment/operations.md « Pools »): its criteria, its figures, its information sessions, its members
// with their stages — a counsellor positions her people, the officer records the stages.

function MemberDialog({ pool, member, onClose }: { pool: Pool; member: Member; onClose: () => void }) {
  const client = useQueryClient()
  const [v, setV] = useState({
    infoSessionId: member.infoSessionId,
    interviewedOn: member.interviewedOn,
    joinedOn: member.joinedOn,
    leftOn: member.leftOn,
    leftReason: member.leftReason as string | null,
  })
  const save = useMutation({
    mutationFn: () => poolsApi.updateMember(member.id, { ...v, version: member.version }),
    onSuccess: onClose,
    onSettled: () => refreshPools(client),
  })
  return (
    <AppModal opened onClose={onClose} title={`${member.person.lastName.toUpperCase()} ${member.person.firstName}`}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate()
        }}
      >
        <Stack gap="sm">
          <FormError error={save.error} title="Enregistrement impossible" />
          <Select
            label="Information collective"
            data={pool.sessions.map((s) => ({ value: s.id, label: formatDateTime(s.at) }))}
            value={v.infoSessionId}
            onChange={(x) => setV({ ...v, infoSessionId: x })}
            clearable
          />
          <DateField label="Entretien le" value={v.interviewedOn} onChange={(d) => setV({ ...v, interviewedOn: d })} />
          <DateField
            label="Entré(e) dans le vivier le"
            value={v.joinedOn}
            onChange={(d) => setV({ ...v, joinedOn: d })}
          />
          <DateField label="Sorti(e) le" value={v.leftOn} onChange={(d) => setV({ ...v, leftOn: d })} />
          <Select
            label="Motif de sortie"
            data={leftReasonOptions}
            value={v.leftReason}
            onChange={(x) => setV({ ...v, leftReason: x })}
            clearable
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  )
}

function AddMember({ pool }: { pool: Pool }) {
  const client = useQueryClient()
  const [person, setPerson] = useState<PickedPerson[]>([])
  const [day, setDay] = useState<string | null>(today())
  const add = useMutation({
    mutationFn: () => poolsApi.addMember(pool.id, { personId: person[0]?.id ?? '', positionedOn: day ?? '' }),
    onSuccess: () => setPerson([]),
    onSettled: () => refreshPools(client),
  })
  return (
    <form
      noValidate
      aria-label="Positionner une personne"
      onSubmit={(e) => {
        e.preventDefault()
        add.mutate()
      }}
    >
      <FormError error={add.error} title="Positionnement impossible" />
      <Group align="flex-end" gap="sm">
        <div style={{ minWidth: 320 }}>
          <PersonPicker value={person} onChange={setPerson} max={1} />
        </div>
        <DateField label="Positionné(e) le" value={day} onChange={setDay} />
        <Button type="submit" variant="light" loading={add.isPending} disabled={!person.length}>
          Positionner
        </Button>
      </Group>
    </form>
  )
}

function Sessions({ pool, manage }: { pool: Pool; manage: boolean }) {
  const client = useQueryClient()
  const [at, setAt] = useState('')
  const [place, setPlace] = useState('')
  const [edited, setEdited] = useState<PoolSession | null>(null)
  const settled = <T,>(p: Promise<T>) => p.finally(() => refreshPools(client))
  const add = useMutation({
    mutationFn: () =>
      poolsApi.addSession(pool.id, { at: at ? new Date(at).toISOString() : '', place: place.trim() || null }),
    onSuccess: () => setAt(''),
    onSettled: () => refreshPools(client),
  })
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Informations collectives
      </Title>
      {pool.sessions.length === 0 ? (
        <Text>Aucune information collective.</Text>
      ) : (
        <Table striped aria-label="Informations collectives du vivier" maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Lieu</Table.Th>
              <Table.Th ta="right">Personnes informées</Table.Th>
              {manage && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pool.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Th scope="row" fw={400}>
                  {formatDateTime(s.at)}
                </Table.Th>
                <Table.Td>{s.place ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.members)}</Table.Td>
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
          session={{ ...edited, attached: edited.members }}
          attachedLabel="personne(s) rattachée(s)"
          save={(body) => settled(poolsApi.updateSession(pool.id, edited.id, body))}
          remove={(version) => settled(poolsApi.removeSession(pool.id, edited.id, version))}
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
            <Button type="submit" variant="light" loading={add.isPending}>
              Ajouter l’information collective
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  )
}

export function PoolPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const manage = can(me.role, 'employmentManage')
  const one = useQuery(poolQuery(id))
  const [stage, setStage] = useState<string | null>(null)
  const members = useQuery(membersQuery(id, stage ?? undefined))
  const [editing, setEditing] = useState(false)
  const [member, setMember] = useState<Member | null>(null)
  const p = one.data
  if (!p)
    return (
      <Page title="Vivier">
        <FormError error={one.error} title="Chargement impossible" />
        {one.isPending && <Loader aria-label="Chargement du vivier" />}
      </Page>
    )
  const figures = poolStages.codes.map((code) => ({ code, label: poolStages.labels[code], count: p.figures[code] }))
  return (
    <Page
      title={p.name}
      actions={
        manage && (
          <Button variant="default" onClick={() => setEditing(true)}>
            Modifier le vivier
          </Button>
        )
      }
    >
      <AnchorLink to="/emploi/viviers">← Viviers</AnchorLink>
      <Group gap="sm">
        <Badge variant="light" color={p.active ? 'blue' : 'gray'}>
          {p.active ? 'Ouvert' : 'Fermé'}
        </Badge>
        <Text>
          {poolKindLabel(p.kind)}
          {p.sector ? ` · ${p.sector}` : ''} · depuis le {formatDate(p.startsOn)}
          {p.endsOn ? ` jusqu’au ${formatDate(p.endsOn)}` : ''}
        </Text>
      </Group>
      {p.eligibility && <Text>Critères d’éligibilité : {p.eligibility}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Table striped aria-label="Chiffres du vivier" maw={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Étape</Table.Th>
              <Table.Th ta="right">Personnes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {figures.map((f) => (
              <Table.Tr key={f.code}>
                <Table.Th scope="row" fw={400}>
                  {f.label}
                </Table.Th>
                <Table.Td ta="right">{formatNumber(f.count)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row" fw={400}>
                Sortis
              </Table.Th>
              <Table.Td ta="right">{formatNumber(p.figures.left)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Sessions pool={p} manage={manage} />
      </SimpleGrid>
      <Title order={2} size="h3">
        Membres
      </Title>
      {can(me.role, 'employmentPosition') && p.active && <AddMember pool={p} />}
      <Select label="Étape atteinte" data={poolStageOptions} value={stage} onChange={setStage} clearable w={240} />
      <FormError error={members.error} title="Chargement impossible" />
      {members.isPending ? (
        <Loader aria-label="Chargement des membres" />
      ) : (members.data ?? []).length === 0 ? (
        <Text>Aucun membre.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Membres du vivier">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Positionné(e) le</Table.Th>
                <Table.Th>Information collective</Table.Th>
                <Table.Th>Entretien</Table.Th>
                <Table.Th>Entré(e) le</Table.Th>
                <Table.Th>Sortie</Table.Th>
                <Table.Th>En emploi</Table.Th>
                {manage && <Table.Th>Étapes</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(members.data ?? []).map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/personnes/$id" params={{ id: m.person.id }}>
                      {m.person.lastName.toUpperCase()} {m.person.firstName}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{formatDate(m.positionedOn)}</Table.Td>
                  <Table.Td>
                    {m.infoSessionId ? formatDateTime(p.sessions.find((s) => s.id === m.infoSessionId)?.at ?? '') : '—'}
                  </Table.Td>
                  <Table.Td>{m.interviewedOn ? formatDate(m.interviewedOn) : '—'}</Table.Td>
                  <Table.Td>{m.joinedOn ? formatDate(m.joinedOn) : '—'}</Table.Td>
                  <Table.Td>{m.leftOn ? `${formatDate(m.leftOn)} (${leftReasonLabel(m.leftReason)})` : '—'}</Table.Td>
                  <Table.Td>{m.employed ? 'Oui' : '—'}</Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button size="compact-sm" variant="subtle" onClick={() => setMember(m)}>
                        Modifier…
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <PoolDialog pool={p} opened onClose={() => setEditing(false)} />}
      {member && <MemberDialog key={member.id} pool={p} member={member} onClose={() => setMember(null)} />}
    </Page>
  )
}
