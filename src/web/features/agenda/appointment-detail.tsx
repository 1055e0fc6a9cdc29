import { Alert, Anchor, Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, today } from '../../components/format.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { agendaApi, refreshAgenda } from './agenda.api.ts'
import { attendanceLabel, frenchTime, kindLabel } from './labels.ts'

const reasons = { counsellor: 'même conseiller', room: 'même salle', person: 'même personne' } as const

export const placeText = (a: Appointment) =>
  a.place === 'phone'
    ? 'Téléphone'
    : a.place === 'video'
      ? 'Visioconférence'
      : `${a.siteName}${a.roomName ? `, ${a.roomName}` : ''}`

/**
 * One appointment: when, where, who; after it has started, present / absent / excused in one click for each person,
 * and "Enregistrer l'entretien": the interview screen with `?rdv=`, which completes the attendance's event (or marks
 * the person present when nobody has yet).
 */
export function AppointmentDetailModal({
  appointment: a,
  onClose,
  onEdit,
}: {
  appointment: Appointment
  onClose: () => void
  onEdit: () => void
}) {
  const client = useQueryClient()
  const done = () => refreshAgenda(client)
  const attendance = useMutation({
    mutationFn: (v: { personId: string; attendance: 'present' | 'absent' | 'excused'; version: number }) =>
      agendaApi.attendance(a.id, v.personId, { attendance: v.attendance, version: v.version }),
    onSuccess: done,
  })
  const convoke = useMutation({ mutationFn: () => agendaApi.convoke(a.id), onSuccess: done })
  const cancel = useMutation({
    mutationFn: () => agendaApi.cancel(a.id, a.version),
    onSuccess: async () => {
      await done()
      onClose()
    },
  })
  const started = a.date <= today()
  const title = `${a.title ?? kindLabel(a.kind)} — ${formatDate(a.date)} ${frenchTime(a.start)}`
  return (
    <AppModal opened onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        <FormError error={attendance.error ?? convoke.error ?? cancel.error} title="Action impossible" />
        <Text>
          {kindLabel(a.kind)}, de {frenchTime(a.start)} à {frenchTime(a.end)} — {placeText(a)}
          {a.videoUrl && (
            <>
              {' '}
              (<Anchor href={a.videoUrl}>lien de visioconférence</Anchor>)
            </>
          )}
        </Text>
        <Text>Conseiller : {a.counsellorName}</Text>
        {a.cancelled && <Badge color="gray">Annulé</Badge>}
        {a.conflicts.length > 0 && (
          <Alert color="orange" title="Conflit">
            Ce créneau en chevauche {a.conflicts.length === 1 ? 'un autre' : `${a.conflicts.length} autres`} (
            {[...new Set(a.conflicts.map((c) => reasons[c.reason]))].join(', ')}).
          </Alert>
        )}
        {a.note && <Text c="dimmed">{a.note}</Text>}
        {a.persons.length === 0 ? (
          <Text>
            Aucune personne inscrite ({a.capacity} place{a.capacity > 1 ? 's' : ''}).
          </Text>
        ) : (
          <Table>
            <Table.Caption>Personnes du rendez-vous et présence</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Présence</Table.Th>
                {a.canEdit && started && !a.cancelled && <Table.Th>Noter la présence</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {a.persons.map((p) => {
                const name = `${p.lastName.toUpperCase()} ${p.firstName}`
                const mark = (value: 'present' | 'absent' | 'excused') =>
                  attendance.mutate({ personId: p.personId, attendance: value, version: p.version })
                return (
                  <Table.Tr key={p.personId}>
                    <Table.Td>
                      <AnchorLink to="/personnes/$id" params={{ id: p.personId }}>
                        {name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      {attendanceLabel(p.attendance)}
                      {p.arrivedTime && ` — arrivé(e) à ${frenchTime(p.arrivedTime)}`}
                    </Table.Td>
                    {a.canEdit && started && !a.cancelled && (
                      <Table.Td>
                        <Group gap="xs" role="group" aria-label={`Présence de ${name}`}>
                          <Button
                            size="xs"
                            variant={p.attendance === 'present' ? 'filled' : 'light'}
                            onClick={() => mark('present')}
                            aria-pressed={p.attendance === 'present'}
                          >
                            Présent
                          </Button>
                          <Button
                            size="xs"
                            color="red"
                            variant={p.attendance === 'absent' ? 'filled' : 'light'}
                            onClick={() => mark('absent')}
                            aria-pressed={p.attendance === 'absent'}
                          >
                            Absent
                          </Button>
                          <Button
                            size="xs"
                            color="gray"
                            variant={p.attendance === 'excused' ? 'filled' : 'light'}
                            onClick={() => mark('excused')}
                            aria-pressed={p.attendance === 'excused'}
                          >
                            Excusé
                          </Button>
                          {(p.attendance === 'present' || p.attendance === null) && (
                            <AnchorLink
                              size="sm"
                              to="/personnes/$id/entretien"
                              params={{ id: p.personId }}
                              search={{ rdv: a.id }}
                            >
                              Enregistrer l’entretien
                            </AnchorLink>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
        {convoke.data && (
          <List size="sm">
            {convoke.data.results.map((r) => (
              <List.Item key={r.personId}>
                {r.status === 'sent'
                  ? 'Convocation envoyée'
                  : r.status === 'failed'
                    ? `Envoi en échec : ${r.error}`
                    : 'Non envoyée (pas d’accord ou pas d’adresse)'}
              </List.Item>
            ))}
          </List>
        )}
        {a.canEdit && !a.cancelled && (
          <Group justify="flex-end" mt="sm">
            {!started && (
              <Button
                variant="subtle"
                color="red"
                mr="auto"
                loading={cancel.isPending}
                onClick={() => {
                  if (window.confirm('Annuler ce rendez-vous ? Il reste dans le dossier de la personne.'))
                    cancel.mutate()
                }}
              >
                Annuler le rendez-vous
              </Button>
            )}
            {a.persons.length > 0 && (
              <Button variant="light" loading={convoke.isPending} onClick={() => convoke.mutate()}>
                Envoyer la convocation
              </Button>
            )}
            <Button variant="default" onClick={onEdit}>
              Modifier
            </Button>
          </Group>
        )}
      </Stack>
    </AppModal>
  )
}
