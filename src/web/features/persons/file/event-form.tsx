import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  type Event,
  type EventInput,
  eventInputSchema,
  eventUpdateSchema,
} from '../../../../shared/accompaniment/accompaniment.schema.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { DateField } from '../date-field.tsx'
import { attendanceOptions, eventKindOptions } from '../labels.ts'
import { SiteSelect } from '../pickers.tsx'
import { recordApi } from '../record.api.ts'
import { numberOrNull, textOrNull, useRecordMutation } from '../use-record-mutation.ts'

interface EventValues {
  kind: string | null
  date: string | null
  siteId: string | null
  durationMinutes: number | string
  attendance: string | null
  note: string
}

const toInput = (v: EventValues): EventInput => ({
  kind: v.kind as Event['kind'],
  date: v.date ?? '',
  siteId: v.siteId,
  durationMinutes: numberOrNull(v.durationMinutes),
  attendance: (v.attendance || null) as Event['attendance'],
  note: textOrNull(v.note),
})

/** Records an event (interview, workshop, call…) or plans an appointment (a date to come, attendance not yet known). */
export function EventFormModal({
  person,
  event,
  opened,
  onClose,
}: {
  person: PersonDetail
  event?: Event
  opened: boolean
  onClose: () => void
}) {
  return (
    <AppModal opened={opened} onClose={onClose} title={event ? 'Modifier l’événement' : 'Nouvel événement'} size="lg">
      {opened && <EventForm person={person} event={event} onDone={onClose} />}
    </AppModal>
  )
}

function EventForm({ person, event, onDone }: { person: PersonDetail; event?: Event; onDone: () => void }) {
  const form = useForm<EventValues>({
    initialValues: {
      kind: event?.kind ?? 'individual_interview',
      date: event?.date ?? person.today,
      siteId: event?.siteId ?? person.siteId,
      durationMinutes: event?.durationMinutes ?? '',
      attendance: event ? event.attendance : 'present',
      note: event?.note ?? '',
    },
    // a date after today empties and locks the attendance (below); the server refuses an attended appointment too
    validate: (v) =>
      event
        ? bodyErrors(eventUpdateSchema, { ...toInput(v), version: event.version })
        : bodyErrors(eventInputSchema, toInput(v)),
  })
  const save = useRecordMutation(
    person.id,
    form,
    (v: EventValues) =>
      event
        ? recordApi.changeEvent(person.id, event.id, { ...toInput(v), version: event.version })
        : recordApi.addEvent(person.id, toInput(v)),
    onDone,
  )
  const remove = useRecordMutation(person.id, null, (id: string) => recordApi.removeEvent(person.id, id), onDone)
  const planned = Boolean(form.values.date && form.values.date > person.today)

  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <FormError error={save.error ?? remove.error} title="Enregistrement impossible" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Type"
            required
            allowDeselect={false}
            data={eventKindOptions}
            data-autofocus
            {...form.getInputProps('kind')}
          />
          <DateField
            label="Date"
            required
            description={planned ? 'Date à venir : un rendez-vous planifié' : undefined}
            {...form.getInputProps('date')}
            onChange={(d) => {
              form.setFieldValue('date', d)
              if (d && d > person.today) form.setFieldValue('attendance', null)
            }}
          />
          <SiteSelect label="Lieu" all {...form.getInputProps('siteId')} />
          <NumberInput
            label="Durée (minutes)"
            min={0}
            max={1440}
            step={15}
            allowDecimal={false}
            {...form.getInputProps('durationMinutes')}
          />
          <Select
            label="Présence"
            data={attendanceOptions}
            clearable
            clearButtonProps={{ 'aria-label': 'Présence non renseignée' }}
            placeholder={planned ? 'À venir' : 'Non renseignée'}
            disabled={planned}
            {...form.getInputProps('attendance')}
          />
        </SimpleGrid>
        <Textarea label="Note" autosize minRows={3} maxLength={4000} {...form.getInputProps('note')} />
        <Group justify="flex-end">
          {event && (
            <Button
              variant="subtle"
              color="red"
              mr="auto"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm('Supprimer l’événement ? La suppression est tracée dans le journal.'))
                  remove.mutate(event.id)
              }}
            >
              Supprimer l’événement
            </Button>
          )}
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
