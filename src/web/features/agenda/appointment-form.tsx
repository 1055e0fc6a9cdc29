import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type Appointment,
  type AppointmentInput,
  appointmentInputSchema,
} from '../../../shared/agenda/agenda.schema.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { useMe } from '../auth/auth.api.ts'
import { DateField } from '../persons/date-field.tsx'
import { SiteSelect } from '../persons/pickers.tsx'
import { agendaApi, refreshAgenda, roomsQuery } from './agenda.api.ts'
import { kindOptions, placeOptions } from './labels.ts'
import { PersonPicker, type PickedPerson } from './person-picker.tsx'

export interface Draft {
  date: string
  start: string
  end: string
  siteId?: string
  roomId?: string | null
}

interface Values {
  kind: string
  date: string | null
  start: string
  end: string
  place: string
  siteId: string | null
  roomId: string | null
  videoUrl: string
  capacity: number | string
  title: string
  note: string
  sendConvocation: boolean
}

const toInput = (v: Values, persons: PickedPerson[], allowConflicts: boolean): AppointmentInput => ({
  kind: v.kind as AppointmentInput['kind'],
  date: v.date ?? '',
  start: v.start,
  end: v.end,
  place: v.place as AppointmentInput['place'],
  siteId: v.siteId ?? '',
  roomId: v.place === 'site' ? v.roomId : null,
  videoUrl: v.place === 'video' ? v.videoUrl.trim() || null : null,
  personIds: persons.map((p) => p.id),
  capacity: typeof v.capacity === 'number' ? v.capacity : Number(v.capacity) || 1,
  title: v.title.trim() || null,
  note: v.note.trim() || null,
  sendConvocation: v.sendConvocation,
  allowConflicts,
})

/** Book (or change) an appointment: the keyboard way to do what the calendar does with the mouse. */
export function AppointmentFormModal({
  draft,
  appointment,
  onClose,
}: {
  draft?: Draft
  appointment?: Appointment
  onClose: () => void
}) {
  return (
    <AppModal
      opened
      onClose={onClose}
      title={appointment ? 'Modifier le rendez-vous' : 'Nouveau rendez-vous'}
      size="lg"
    >
      <AppointmentForm draft={draft} appointment={appointment} onDone={onClose} />
    </AppModal>
  )
}

function AppointmentForm({
  draft,
  appointment,
  onDone,
}: {
  draft?: Draft
  appointment?: Appointment
  onDone: () => void
}) {
  const me = useMe()
  const client = useQueryClient()
  const rooms = useQuery(roomsQuery)
  const [persons, setPersons] = useState<PickedPerson[]>(
    appointment?.persons.map((p) => ({ id: p.personId, label: `${p.lastName.toUpperCase()} ${p.firstName}` })) ?? [],
  )
  const [conflict, setConflict] = useState(false)
  const form = useForm<Values>({
    initialValues: {
      kind: appointment?.kind ?? 'individual_interview',
      date: appointment?.date ?? draft?.date ?? null,
      start: appointment?.start ?? draft?.start ?? '09:00',
      end: appointment?.end ?? draft?.end ?? '09:45',
      place: appointment?.place ?? 'site',
      siteId: appointment?.siteId ?? draft?.siteId ?? me.sites[0]?.id ?? null,
      roomId: appointment?.roomId ?? draft?.roomId ?? null,
      videoUrl: appointment?.videoUrl ?? '',
      capacity: appointment?.capacity ?? 1,
      title: appointment?.title ?? '',
      note: appointment?.note ?? '',
      sendConvocation: !appointment,
    },
    validate: (v) => bodyErrors(appointmentInputSchema, toInput(v, persons, false)),
  })
  const save = useMutation({
    mutationFn: (allow: boolean) => {
      const body = toInput(form.getValues(), persons, allow)
      return appointment
        ? agendaApi.change(appointment.id, { ...body, version: appointment.version })
        : agendaApi.create(body)
    },
    onSuccess: async () => {
      await refreshAgenda(client)
      onDone()
    },
    onError: (error) => {
      setConflict(isApiError(error) && error.code === 'conflict')
      applyFieldErrors(form, error)
    },
  })
  const siteRooms = (rooms.data ?? []).filter(
    (r) => r.siteId === form.values.siteId && (r.active || r.id === form.values.roomId),
  )
  const group =
    form.values.kind === 'workshop' || form.values.kind === 'info_session' || form.values.kind === 'permanence'

  return (
    <form noValidate onSubmit={form.onSubmit(() => save.mutate(false))}>
      <Stack gap="md">
        <FormError error={save.error} title="Rendez-vous non enregistré" />
        {conflict && (
          <Button variant="light" color="orange" onClick={() => save.mutate(true)} loading={save.isPending}>
            Réserver quand même malgré le conflit
          </Button>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Type"
            required
            allowDeselect={false}
            data={kindOptions}
            data-autofocus
            {...form.getInputProps('kind')}
          />
          <DateField label="Date" required {...form.getInputProps('date')} />
          <TextInput label="Début" type="time" required {...form.getInputProps('start')} />
          <TextInput label="Fin" type="time" required {...form.getInputProps('end')} />
          <Select label="Lieu" required allowDeselect={false} data={placeOptions} {...form.getInputProps('place')} />
          <SiteSelect label="Site" required {...form.getInputProps('siteId')} />
          {form.values.place === 'site' && (
            <Select
              label="Salle"
              data={siteRooms.map((r) => ({ value: r.id, label: r.name }))}
              clearable
              clearButtonProps={{ 'aria-label': 'Sans salle' }}
              placeholder="Sans salle"
              {...form.getInputProps('roomId')}
            />
          )}
          {form.values.place === 'video' && (
            <TextInput
              label="Lien de visioconférence"
              required
              placeholder="https://…"
              {...form.getInputProps('videoUrl')}
            />
          )}
          {group && (
            <NumberInput label="Places" min={1} max={500} allowDecimal={false} {...form.getInputProps('capacity')} />
          )}
        </SimpleGrid>
        <PersonPicker
          value={persons}
          onChange={setPersons}
          max={group ? Number(form.values.capacity) || 1 : 1}
          error={form.errors.personIds}
        />
        {group && <TextInput label="Intitulé" maxLength={200} {...form.getInputProps('title')} />}
        <Textarea label="Note (interne)" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <Checkbox
          label="Envoyer la convocation (courriel avec invitation ou SMS, selon l’accord de la personne)"
          {...form.getInputProps('sendConvocation', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
          <Button type="submit" loading={save.isPending}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
