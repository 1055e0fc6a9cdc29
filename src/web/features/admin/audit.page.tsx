import { Button, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { can } from '../../../shared/auth/roles.ts'
import { FormError } from '../../components/form-error.tsx'
import { Page } from '../../components/page.tsx'
import { TablePagination } from '../../components/table.tsx'
import { useMe } from '../auth/auth.api.ts'
import { type AuditParams, auditQuery, usersQuery } from './admin.api.ts'
import { auditSearchSchema } from './admin.search.ts'
import { AuditDetail } from './audit-detail.tsx'
import { auditSentence } from './audit-words.ts'

type Filters = Omit<AuditParams, 'page' | 'pageSize'>
const calendarLabels = { previousLabel: 'Mois précédent', nextLabel: 'Mois suivant' }

export function AuditPage() {
  const me = useMe()
  const params = auditSearchSchema.parse(useSearch({ strict: false }))
  const navigate = useNavigate()
  const go = (next: AuditParams) =>
    navigate({
      to: '/admin/journal',
      search: Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined && v !== '')),
      replace: true,
    })
  const events = useQuery(auditQuery(params))
  // directors read the audit trail but not the accounts: they filter by author through the list only
  const actors = useQuery({
    ...usersQuery({ page: 1, pageSize: 200, sort: 'displayName', order: 'asc' }),
    enabled: can(me.role, 'administration'),
  })

  const form = useForm<Filters>({
    initialValues: {
      actorId: params.actorId,
      action: params.action ?? '',
      entity: params.entity ?? '',
      entityId: params.entityId ?? '',
      from: params.from,
      to: params.to,
    },
  })

  return (
    <Page title="Journal d'audit">
      <Text>Qui a fait quoi, et quand : connexions, créations, modifications, consultations sensibles.</Text>
      <search aria-label="Filtrer le journal">
        <form onSubmit={form.onSubmit((filters) => go({ ...filters, page: 1, pageSize: params.pageSize }))}>
          <Group align="flex-end" gap="md">
            {can(me.role, 'administration') && (
              <Select
                label="Auteur"
                data={(actors.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                searchable
                clearable
                clearButtonProps={{ 'aria-label': 'Tous les auteurs' }}
                placeholder="Tous"
                w={220}
                {...form.getInputProps('actorId')}
                onChange={(v) => form.setFieldValue('actorId', v ?? undefined)}
              />
            )}
            <TextInput label="Action" placeholder="ex. signin" w={160} {...form.getInputProps('action')} />
            <TextInput label="Objet" placeholder="ex. app_user" w={160} {...form.getInputProps('entity')} />
            <TextInput label="Identifiant de l'objet" w={200} {...form.getInputProps('entityId')} />
            <DatePickerInput
              label="Du"
              valueFormat="DD/MM/YYYY"
              clearable
              clearButtonProps={{ 'aria-label': 'Effacer la date de début' }}
              w={150}
              {...calendarLabels}
              {...form.getInputProps('from')}
              onChange={(v) => form.setFieldValue('from', v ?? undefined)}
            />
            <DatePickerInput
              label="Au"
              valueFormat="DD/MM/YYYY"
              clearable
              clearButtonProps={{ 'aria-label': 'Effacer la date de fin' }}
              w={150}
              {...calendarLabels}
              {...form.getInputProps('to')}
              onChange={(v) => form.setFieldValue('to', v ?? undefined)}
            />
            <Button type="submit">Filtrer</Button>
            <Button
              variant="default"
              onClick={() => {
                form.setValues({
                  actorId: undefined,
                  action: '',
                  entity: '',
                  entityId: '',
                  from: undefined,
                  to: undefined,
                })
                go({ page: 1, pageSize: params.pageSize })
              }}
            >
              Effacer les filtres
            </Button>
          </Group>
        </form>
      </search>

      <FormError error={events.error} title="Chargement impossible" />
      {events.isPending ? (
        <Loader aria-label="Chargement du journal" />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-busy={events.isFetching} verticalSpacing="xs">
            <Table.Caption>Événements du journal, du plus récent au plus ancien</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ce qui s’est passé</Table.Th>
                <Table.Th>Détail technique</Table.Th>
                <Table.Th>Adresse IP</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={3}>
                    <Text ta="center" py="md">
                      Aucun événement ne correspond à ces critères.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {events.data?.items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{auditSentence(event)}</Table.Td>
                  <Table.Td maw={360}>
                    <AuditDetail event={event} />
                  </Table.Td>
                  <Table.Td>{event.ip}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {events.data && (
        <TablePagination
          total={events.data.total}
          page={params.page}
          pageSize={params.pageSize}
          onChange={(next) => go({ ...params, ...next })}
        />
      )}
    </Page>
  )
}
