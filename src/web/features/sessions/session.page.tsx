import { Anchor, Badge, Button, Group, List, Loader, Stack, Switch, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import type { Session } from '../../../shared/sessions/sessions.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, today } from '../../components/format.ts'
import { agendaApi } from '../agenda/agenda.api.ts'
import { kindLabel } from '../agenda/labels.ts'
import { PersonPicker, type PickedPerson } from '../agenda/person-picker.tsx'
import { AttendanceList } from './attendance-list.tsx'
import { CoLeadersSelect } from './co-leaders-select.tsx'
import { refreshSessions, sessionQuery, sessionsApi, signInSheetUrl } from './sessions.api.ts'
import { leadersText, placeText, timeText } from './sessions.labels.ts'

/**
 * A collective session: when, where, who leads it, its places; registering persons from a search; the attendance list,
 * with a tablet mode of large toggles; convocations; the sign-in sheet as PDF.
 */
export function SessionPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const data = useQuery(sessionQuery(id))
  if (data.isPending) return <Loader aria-label="Chargement de la séance" />
  if (!data.data) return <FormError error={data.error} title="Séance introuvable" />
  return <SessionView session={data.data} />
}

function SessionView({ session: s }: { session: Session }) {
  const client = useQueryClient()
  const [picked, setPicked] = useState<PickedPerson[]>([])
  const [tablet, setTablet] = useState(false)
  const done = () => refreshSessions(client)
  const register = useMutation({
    mutationFn: async (persons: PickedPerson[]) => {
      let version = s.version
      for (const p of persons) version = (await sessionsApi.register(s.id, p.id, version)).version
    },
    onSuccess: () => setPicked([]),
    onSettled: done,
  })
  const convoke = useMutation({ mutationFn: () => agendaApi.convoke(s.id), onSettled: done })
  const current = s.coLeaders.map((l) => l.id)
  const [coLeaders, setCoLeaders] = useState(current)
  const leaders = useMutation({
    mutationFn: () => sessionsApi.setCoLeaders(s.id, coLeaders, s.version),
    onSettled: done,
  })
  const leadersChanged = coLeaders.length !== current.length || coLeaders.some((id) => !current.includes(id))
  const started = s.date <= today()
  const editable = s.canEdit && !s.cancelled
  return (
    <Stack>
      <div>
        <Title order={1}>{s.title ?? kindLabel(s.kind)}</Title>
        <Text>
          {kindLabel(s.kind)} — {formatDate(s.date)}, {timeText(s)} — {placeText(s)}
        </Text>
        <Text>Animation : {leadersText(s)}</Text>
        <Group gap="xs" mt={4}>
          <Badge color={s.placesLeft ? 'blue' : 'orange'} variant="light">
            {s.registered} inscrit{s.registered > 1 ? 's' : ''} sur {s.capacity} place{s.capacity > 1 ? 's' : ''}
          </Badge>
          {s.cancelled && <Badge color="gray">Annulée</Badge>}
        </Group>
      </div>
      <Group>
        <Anchor href={signInSheetUrl(s.id)} download>
          Feuille d’émargement (PDF)
        </Anchor>
        {editable && s.persons.length > 0 && (
          <Button variant="light" loading={convoke.isPending} onClick={() => convoke.mutate()}>
            Envoyer la convocation
          </Button>
        )}
      </Group>
      {editable && (
        <Group align="flex-end">
          <CoLeadersSelect leaderId={s.counsellorId} value={coLeaders} onChange={setCoLeaders} style={{ flex: 1 }} />
          <Button
            variant="light"
            disabled={!leadersChanged}
            loading={leaders.isPending}
            onClick={() => leaders.mutate()}
          >
            Enregistrer les co-animateurs
          </Button>
        </Group>
      )}
      <FormError error={leaders.error} title="Co-animateurs non enregistrés" />
      <FormError error={convoke.error} title="Envoi impossible" />
      {convoke.data && (
        <List size="sm" aria-label="Résultat des convocations">
          {convoke.data.results.map((r) => {
            const p = s.persons.find((x) => x.personId === r.personId)
            const who = p ? `${p.lastName.toUpperCase()} ${p.firstName} : ` : ''
            const what =
              r.status === 'sent'
                ? 'convocation envoyée'
                : r.status === 'failed'
                  ? `envoi en échec (${r.error})`
                  : 'non envoyée (pas d’accord ou pas d’adresse)'
            return <List.Item key={r.personId}>{who + what}</List.Item>
          })}
        </List>
      )}
      {editable && s.placesLeft > 0 && (
        <section aria-labelledby="inscrire">
          <Title order={2} size="h4" id="inscrire" mb="xs">
            Inscrire des personnes
          </Title>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              if (picked.length) register.mutate(picked)
            }}
          >
            <Group align="flex-end">
              <div style={{ flex: 1, minWidth: 260 }}>
                <PersonPicker value={picked} onChange={setPicked} max={s.placesLeft} />
              </div>
              <Button type="submit" disabled={!picked.length} loading={register.isPending}>
                Inscrire
              </Button>
            </Group>
          </form>
          <FormError error={register.error} title="Inscription impossible" />
        </section>
      )}
      <section aria-labelledby="presence">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="presence">
            Liste de présence
          </Title>
          {editable && started && s.persons.length > 0 && (
            <Switch label="Mode tablette" checked={tablet} onChange={(e) => setTablet(e.currentTarget.checked)} />
          )}
        </Group>
        <AttendanceList session={s} tablet={tablet} canMark={editable && started} />
      </section>
    </Stack>
  )
}
