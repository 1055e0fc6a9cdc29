import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { type AppointmentInput, appointmentInputSchema } from '../../../shared/agenda/agenda.schema.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { agendaApi } from '../agenda/agenda.api.ts'
import { kindLabel } from '../agenda/labels.ts'
import { useMe } from '../auth/auth.api.ts'
import { DateField } from '../persons/date-field.tsx'
import { SiteSelect } from '../persons/pickers.tsx'
import { CoLeadersSelect } from './co-leaders-select.tsx'
import { refreshSessions } from './sessions.api.ts'

interface Values {
  kind: 'workshop' | 'info_session'
  title: string
  date: string | null
  start: string
  end: string
  siteId: string | null
  capacity: number | string
  coLeaderIds: string[]
}
const toInput = (v: Values, allowConflicts: boolean): AppointmentInput => ({
  kind: v.kind,
  title: v.title,
  date: v.date ?? '',
  start: v.start,
  end: v.end,
  place: 'site',
  siteId: v.siteId ?? '',
  capacity: Number(v.capacity) || 0,
  coLeaderIds: v.coLeaderIds,
  allowConflicts,
})

/** « Nouvelle séance »: a workshop or an information session booked in the agenda, then opened to register persons. */
export function NewSessionModal({ onClose }: { onClose: () => void }) {
  const me = useMe()
  const client = useQueryClient()
  const navigate = useNavigate()
  const [conflict, setConflict] = useState(false)
  const form = useForm<Values>({
    initialValues: {
      kind: 'workshop',
      title: '',
      date: null,
      start: '14:00',
      end: '16:00',
      siteId: me.sites[0]?.id ?? null,
      capacity: 10,
      coLeaderIds: [],
    },
    validate: (v) => bodyErrors(appointmentInputSchema, toInput(v, false)),
  })
  const save = useMutation({
    mutationFn: (allow: boolean) => agendaApi.create(toInput(form.getValues(), allow)),
    onSuccess: async (created) => {
      await refreshSessions(client)
      onClose()
      await navigate({ to: '/seances/$id', params: { id: created.id } })
    },
    onError: (error) => {
      setConflict(isApiError(error) && error.code === 'conflict')
      applyFieldErrors(form, error)
    },
  })
  return (
    <AppModal opened onClose={onClose} title="Nouvelle séance" size="lg">
      <form noValidate onSubmit={form.onSubmit(() => save.mutate(false))}>
        <Stack gap="sm">
          <FormError error={save.error} title="Enregistrement impossible" />
          {conflict && (
            <Alert color="orange" title="Créneau déjà pris">
              <Button mt="xs" variant="light" onClick={() => save.mutate(true)}>
                Réserver quand même
              </Button>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              required
              allowDeselect={false}
              data={(['workshop', 'info_session'] as const).map((value) => ({ value, label: kindLabel(value) }))}
              {...form.getInputProps('kind')}
            />
            <TextInput label="Intitulé" maxLength={200} {...form.getInputProps('title')} />
            <DateField label="Date" required {...form.getInputProps('date')} />
            <SiteSelect label="Site" required {...form.getInputProps('siteId')} />
            <TextInput label="Début" type="time" required {...form.getInputProps('start')} />
            <TextInput label="Fin" type="time" required {...form.getInputProps('end')} />
            <NumberInput label="Places" min={1} max={500} allowDecimal={false} {...form.getInputProps('capacity')} />
          </SimpleGrid>
          <CoLeadersSelect leaderId={me.id} {...form.getInputProps('coLeaderIds')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending}>
              Créer la séance
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  )
}
