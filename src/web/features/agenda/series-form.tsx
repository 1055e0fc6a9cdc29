import { Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type SeriesInput, seriesInputSchema, weekdays } from '../../../shared/agenda/agenda.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { useMe } from '../auth/auth.api.ts'
import { DateField } from '../persons/date-field.tsx'
import { SiteSelect } from '../persons/pickers.tsx'
import { agendaApi, refreshAgenda, roomsQuery } from './agenda.api.ts'

interface Values {
  siteId: string | null
  roomId: string | null
  start: string
  end: string
  firstDay: string | null
  lastDay: string | null
  interval: string
  days: string[]
  title: string
  capacity: number | string
}

const toInput = (v: Values): SeriesInput => ({
  kind: 'permanence',
  siteId: v.siteId ?? '',
  roomId: v.roomId,
  start: v.start,
  end: v.end,
  firstDay: v.firstDay ?? '',
  lastDay: v.lastDay ?? '',
  interval: Number(v.interval),
  days: v.days as SeriesInput['days'],
  title: v.title.trim() || null,
  capacity: Number(v.capacity) || 1,
})

/** A permanence: the same slot every week (or every other week) on chosen days, between two dates. */
export function SeriesFormModal({ onClose }: { onClose: () => void }) {
  const me = useMe()
  const client = useQueryClient()
  const rooms = useQuery(roomsQuery)
  const form = useForm<Values>({
    initialValues: {
      siteId: me.sites[0]?.id ?? null,
      roomId: null,
      start: '09:00',
      end: '12:00',
      firstDay: null,
      lastDay: null,
      interval: '1',
      days: [],
      title: 'Permanence',
      capacity: 4,
    },
    validate: (v) => bodyErrors(seriesInputSchema, toInput(v)),
  })
  const save = useMutation({
    mutationFn: () => agendaApi.createSeries(toInput(form.getValues())),
    onSuccess: async () => {
      await refreshAgenda(client)
      onClose()
    },
    onError: (e) => applyFieldErrors(form, e),
  })
  return (
    <AppModal opened onClose={onClose} title="Nouvelle permanence" size="lg">
      <form noValidate onSubmit={form.onSubmit(() => save.mutate())}>
        <Stack gap="md">
          <FormError error={save.error} title="Permanence non créée" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SiteSelect label="Site" required data-autofocus {...form.getInputProps('siteId')} />
            <Select
              label="Salle"
              clearable
              clearButtonProps={{ 'aria-label': 'Sans salle' }}
              placeholder="Sans salle"
              data={(rooms.data ?? [])
                .filter((r) => r.siteId === form.values.siteId && r.active)
                .map((r) => ({ value: r.id, label: r.name }))}
              {...form.getInputProps('roomId')}
            />
            <TextInput label="Début" type="time" required {...form.getInputProps('start')} />
            <TextInput label="Fin" type="time" required {...form.getInputProps('end')} />
            <DateField label="Du" required {...form.getInputProps('firstDay')} />
            <DateField label="Au" required {...form.getInputProps('lastDay')} />
            <Select
              label="Fréquence"
              allowDeselect={false}
              data={[
                { value: '1', label: 'Chaque semaine' },
                { value: '2', label: 'Une semaine sur deux' },
              ]}
              {...form.getInputProps('interval')}
            />
            <NumberInput label="Places" min={1} max={500} allowDecimal={false} {...form.getInputProps('capacity')} />
          </SimpleGrid>
          <Checkbox.Group label="Jours" required {...form.getInputProps('days')}>
            <Group mt="xs">
              {weekdays.codes.map((d) => (
                <Checkbox key={d} value={d} label={weekdays.labels[d]} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput label="Intitulé" maxLength={200} {...form.getInputProps('title')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending}>
              Créer les créneaux
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  )
}
