import { Button, Group, NumberInput, Stack, Switch, Table, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { type Room, type RoomInput, roomInputSchema } from '../../../shared/agenda/messages.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatNumber } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { SiteSelect } from '../persons/pickers.tsx'
import { agendaApi, roomsQuery } from './agenda.api.ts'

/** The rooms of each site, where appointments and workshops take place (the admin keeps the list). */
export function RoomsPage() {
  const rooms = useQuery(roomsQuery)
  const [editing, setEditing] = useState<{ room?: Room } | null>(null)
  return (
    <Page title="Salles" actions={<Button onClick={() => setEditing({})}>Nouvelle salle</Button>}>
      <FormError error={rooms.error} />
      <Table striped>
        <Table.Caption>Salles par site</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Site</Table.Th>
            <Table.Th>Salle</Table.Th>
            <Table.Th>Places</Table.Th>
            <Table.Th>État</Table.Th>
            <Table.Th>Modifier</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rooms.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.siteName}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.capacity === null ? '' : formatNumber(r.capacity)}</Table.Td>
              <Table.Td>
                <StatusBadge active={r.active} on="Utilisée" off="Retirée" />
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => setEditing({ room: r })}
                  aria-label={`Modifier ${r.name}`}
                >
                  Modifier
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <RoomForm room={editing.room} onClose={() => setEditing(null)} />}
    </Page>
  )
}

function RoomForm({ room, onClose }: { room?: Room; onClose: () => void }) {
  const client = useQueryClient()
  const form = useForm<{ siteId: string | null; name: string; capacity: number | string; active: boolean }>({
    initialValues: {
      siteId: room?.siteId ?? null,
      name: room?.name ?? '',
      capacity: room?.capacity ?? '',
      active: room?.active ?? true,
    },
  })
  const toInput = (v: typeof form.values): RoomInput => ({
    siteId: v.siteId ?? '',
    name: v.name,
    capacity: v.capacity === '' ? null : Number(v.capacity),
    active: v.active,
  })
  const save = useMutation({
    mutationFn: () => {
      const body = toInput(form.getValues())
      return room ? agendaApi.changeRoom(room.id, { ...body, version: room.version }) : agendaApi.createRoom(body)
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: roomsQuery.queryKey })
      onClose()
    },
    onError: (e) => applyFieldErrors(form, e),
  })
  return (
    <AppModal opened onClose={onClose} title={room ? 'Modifier la salle' : 'Nouvelle salle'}>
      <form
        noValidate
        onSubmit={form.onSubmit(() => {
          const errors = bodyErrors(roomInputSchema, toInput(form.getValues()))
          if (Object.keys(errors).length) form.setErrors(errors)
          else save.mutate()
        })}
      >
        <Stack>
          <FormError error={save.error} title="Salle non enregistrée" />
          <SiteSelect label="Site" all required data-autofocus {...form.getInputProps('siteId')} />
          <TextInput label="Nom" required maxLength={100} {...form.getInputProps('name')} />
          <NumberInput label="Places" min={1} max={500} allowDecimal={false} {...form.getInputProps('capacity')} />
          <Switch label="Utilisée" {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  )
}
