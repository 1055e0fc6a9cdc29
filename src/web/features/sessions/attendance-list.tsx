import { Alert, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Session } from '../../../shared/sessions/sessions.schema.ts'
import { isApiError } from '../../api.ts'
import { FormError } from '../../components/form-error.tsx'
import { agendaApi } from '../agenda/agenda.api.ts'
import { attendanceLabel } from '../agenda/labels.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { refreshSessions, sessionsApi } from './sessions.api.ts'
import { personName } from './sessions.labels.ts'

type Mark = 'present' | 'absent' | 'excused'
// dark enough for the text of an outlined toggle on white (WCAG AA)
const marks: { value: Mark; label: string; color: string }[] = [
  { value: 'present', label: 'Présent', color: '#1e6b34' },
  { value: 'absent', label: 'Absent', color: '#b02a2a' },
  { value: 'excused', label: 'Excusé', color: '#495057' },
]

/**
 * The registered persons and their attendance. Each toggle is one tap, saved at once for that person with the version
 * read (two counsellors ticking two persons do not collide; the same person ticked twice says so). The tablet mode
 * makes each line a card with large toggles. Before the day: take a person off the list.
 */
export function AttendanceList({
  session: s,
  tablet,
  canMark,
}: {
  session: Session
  tablet: boolean
  canMark: boolean
}) {
  const client = useQueryClient()
  const done = () => refreshSessions(client)
  const mark = useMutation({
    mutationFn: (v: { personId: string; attendance: Mark; version: number }) =>
      agendaApi.attendance(s.id, v.personId, { attendance: v.attendance, version: v.version }),
    onSettled: done,
  })
  const unregister = useMutation({
    mutationFn: (personId: string) => sessionsApi.unregister(s.id, personId, s.version),
    onSettled: done,
  })
  const error = mark.error ?? unregister.error
  const stale = isApiError(error) && error.status === 409
  if (!s.persons.length) return <Text>Personne n’est encore inscrit.</Text>
  return (
    <Stack gap={tablet ? 'md' : 'xs'}>
      {stale ? (
        <Alert color="orange" title="Modifié entre-temps" role="alert">
          {error.message} La liste vient d’être relue : vérifiez la ligne et refaites votre choix.
        </Alert>
      ) : (
        <FormError error={error} title="Enregistrement impossible" />
      )}
      {s.persons.map((p) => {
        const name = personName(p)
        return (
          <Paper key={p.personId} withBorder p={tablet ? 'md' : 'xs'} aria-label={name} component="section">
            <Group justify="space-between" wrap="wrap">
              <div>
                <AnchorLink to="/personnes/$id" params={{ id: p.personId }} size={tablet ? 'lg' : 'sm'}>
                  {name}
                </AnchorLink>
                <Text size="sm" c="dimmed">
                  {attendanceLabel(p.attendance)}
                </Text>
              </div>
              {canMark ? (
                <Group gap="xs" role="group" aria-label={`Présence de ${name}`}>
                  {marks.map((m) => (
                    <Button
                      key={m.value}
                      size={tablet ? 'xl' : 'xs'}
                      miw={tablet ? 140 : undefined}
                      color={m.color}
                      variant={p.attendance === m.value ? 'filled' : 'outline'}
                      aria-pressed={p.attendance === m.value}
                      loading={
                        mark.isPending &&
                        mark.variables?.personId === p.personId &&
                        mark.variables.attendance === m.value
                      }
                      onClick={() => mark.mutate({ personId: p.personId, attendance: m.value, version: p.version })}
                    >
                      {m.label}
                    </Button>
                  ))}
                </Group>
              ) : (
                s.canEdit &&
                !s.cancelled && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={unregister.isPending && unregister.variables === p.personId}
                    onClick={() => unregister.mutate(p.personId)}
                  >
                    Désinscrire <VisuallyHidden>{name}</VisuallyHidden>
                  </Button>
                )
              )}
            </Group>
          </Paper>
        )
      })}
    </Stack>
  )
}
