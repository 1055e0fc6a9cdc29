import { Badge, Button, Checkbox, Loader, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { commissionInput } from '../../../../shared/aids/commissions.schema.ts'
import { can } from '../../../../shared/auth/roles.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { formatDate } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { fundsQuery, refreshAids } from '../aids.api.ts'
import { commissionsQuery, setupApi } from '../setup.api.ts'

/** « Commissions »: the aid commissions by fund and date; the aid officer plans one (the director reads them). */
export function CommissionsPage() {
  const me = useMe()
  const manager = can(me.role, 'aidManage')
  const [fundId, setFundId] = useState<string | null>(null)
  const funds = useQuery(fundsQuery())
  const list = useQuery(commissionsQuery(fundId ? { fundId } : {}))
  const [creating, setCreating] = useState(false)
  const fundOptions = (funds.data ?? []).map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }))
  return (
    <Page
      title="Commissions des aides"
      actions={manager && <Button onClick={() => setCreating(true)}>Planifier une commission</Button>}
    >
      <Select
        label="Fonds"
        placeholder="Tous les fonds"
        clearable
        w={420}
        data={fundOptions}
        value={fundId}
        onChange={setFundId}
      />
      {list.isPending ? (
        <Loader aria-label="Chargement des commissions" />
      ) : !list.data ? (
        <FormError error={list.error} title="Chargement impossible" />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>
              Commissions par date, les plus récentes d’abord{list.data.truncated && ' (les premières seulement)'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Fonds</Table.Th>
                <Table.Th>Demandes</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text ta="center" py="md">
                      Aucune commission.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {[...list.data.items]
                .sort((a, b) => b.date.localeCompare(a.date))
                .map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <AnchorLink to="/aides/commissions/$id" params={{ id: c.id }}>
                        Commission {c.fundCode} du {formatDate(c.date)}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{c.fundName}</Table.Td>
                    <Table.Td>
                      {c.decided} décidée{c.decided > 1 ? 's' : ''} sur {c.cases}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={c.status === 'held' ? 'gray' : 'blue'}>
                        {c.status === 'held' ? 'Tenue' : 'Planifiée'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <NewCommissionModal fundOptions={fundOptions} fundId={fundId} onClose={() => setCreating(false)} />}
    </Page>
  )
}

interface CommissionValues {
  fundId: string | null
  date: string | null
  note: string
  fromPending: boolean
}
const commissionBody = (v: CommissionValues) => ({
  fundId: v.fundId ?? '',
  date: v.date ?? '',
  note: v.note.trim() || null,
  fromPending: v.fromPending,
})

function NewCommissionModal({
  fundOptions,
  fundId,
  onClose,
}: {
  fundOptions: { value: string; label: string }[]
  fundId: string | null
  onClose: () => void
}) {
  const client = useQueryClient()
  const navigate = useNavigate()
  const form = useForm<CommissionValues>({
    initialValues: { fundId, date: null, note: '', fromPending: true },
    validate: (v) => bodyErrors(commissionInput, commissionBody(v)),
  })
  const save = useMutation({
    mutationFn: (v: CommissionValues) => setupApi.createCommission(commissionBody(v)),
    onSuccess: async (created) => {
      await refreshAids(client)
      onClose()
      await navigate({ to: '/aides/commissions/$id', params: { id: created.id } })
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <AppModal opened onClose={onClose} title="Planifier une commission">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <FormError error={save.error} title="Création impossible" />
          <Select
            label="Fonds"
            required
            searchable
            data={fundOptions}
            data-autofocus
            {...form.getInputProps('fundId')}
          />
          <DateField label="Date de la commission" required {...form.getInputProps('date')} />
          <Textarea label="Note" autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
          <Checkbox
            label="Inscrire les demandes complètes en attente de commission"
            {...form.getInputProps('fromPending', { type: 'checkbox' })}
          />
          <FormActions saving={save.isPending} onCancel={onClose} submitLabel="Planifier la commission" />
        </Stack>
      </form>
    </AppModal>
  )
}
