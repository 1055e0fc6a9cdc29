import { useQuery, useQueryClient } from '@tanstack/react-query'
import { eventKindOf } from '../../../../shared/agenda/agenda.schema.ts'
import { formatDate } from '../../../components/format.ts'
import { agendaApi, personAgendaQuery } from '../../agenda/agenda.api.ts'
import { recordApi } from '../record.api.ts'
import type { InterviewValues } from './interview-values.ts'

export interface AppointmentPrefill {
  /** what the screen says of the appointment */
  label: string
  values: Partial<InterviewValues>
  /** the event the agenda recorded for the person's attendance: the interview completes it */
  event: { id: string; version: number }
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/**
 * The interview of an appointment (`?rdv=`): the person is marked present if the agenda has not recorded it yet (the
 * agenda writes the attendance event), and the interview completes that event — never a second one for the same
 * appointment. Its day, place, kind and length fill the form.
 */
export function useAppointmentPrefill(personId: string, appointmentId: string | undefined) {
  const queryClient = useQueryClient()
  return useQuery({
    queryKey: ['agenda', 'interview-prefill', personId, appointmentId],
    enabled: Boolean(appointmentId),
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<AppointmentPrefill | undefined> => {
      const agenda = await queryClient.fetchQuery(personAgendaQuery(personId))
      let appointment = agenda.appointments.find((a) => a.id === appointmentId)
      if (!appointment) return undefined
      let entry = appointment.persons.find((p) => p.personId === personId)
      if (entry && !entry.eventId) {
        appointment = await agendaApi.attendance(appointment.id, personId, {
          attendance: 'present',
          version: entry.version,
        })
        entry = appointment.persons.find((p) => p.personId === personId)
      }
      if (!entry?.eventId) return undefined
      const event = await recordApi.event(personId, entry.eventId)
      return {
        label: `${formatDate(appointment.date)}, ${appointment.start}–${appointment.end}, ${appointment.siteName}`,
        values: {
          kind: eventKindOf(appointment.kind),
          date: appointment.date,
          siteId: appointment.siteId,
          durationMinutes: minutes(appointment.end) - minutes(appointment.start),
          note: event.note ?? '',
        },
        event: { id: event.id, version: event.version },
      }
    },
  })
}
