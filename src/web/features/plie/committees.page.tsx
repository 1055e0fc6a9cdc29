import { Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { committeeInput } from '../../../shared/plie/committees.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import { useDocumentTitle } from '../../components/page.tsx'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { DateField } from '../persons/date-field.tsx'
import { SiteSelect } from '../persons/pickers.tsx'
import { committeesQuery, plieApi, refreshPlie } from './plie.api.ts'
import { type CommitteeValues, committeeBody } from './plie.bodies.ts'

/** « Comités »: the PLIE committees of the reader's sites by site and date, and « Nouveau comité ». */
export function CommitteesPage() {
  useDocumentTitle('Comités PLIE')
  const [siteId, setSiteId] = useState<string | null>(null)
  const list = useQuery(committeesQuery(siteId ? { siteId } : {}))
  const [creating, setCreating] = useState(false)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Comités PLIE</Title>
        <Button onClick={() => setCreating(true)}>Nouveau comité</Button>
      </Group>
      <SiteSelect label="Site" placeholder="Tous les sites" clearable w={320} value={siteId} onChange={setSiteId} />
      {list.isPending ? (
        <Loader aria-label="Chargement des comités" />
      ) : !list.data ? (
        <FormError error={list.error} title="Chargement impossible" />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Caption>
              Comités par site et par date{list.data.truncated && ' (les premiers seulement)'}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Site</Table.Th>
                <Table.Th>Dossiers</Table.Th>
                <Table.Th>Statut</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text ta="center" py="md">
                      Aucun comité.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {[...list.data.items]
                .sort((a, b) => a.siteName.localeCompare(b.siteName, 'fr') || b.date.localeCompare(a.date))
                .map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <AnchorLink to="/plie/comites/$id" params={{ id: c.id }}>
                        Comité du {formatDate(c.date)}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{c.siteName}</Table.Td>
                    <Table.Td>
                      {c.decided} décidé{c.decided > 1 ? 's' : ''} sur {c.cases}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={c.status === 'held' ? 'gray' : 'blue'}>
                        {c.status === 'held' ? 'Clos' : 'Planifié'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <NewCommitteeModal onClose={() => setCreating(false)} />}
    </Stack>
  )
}

function NewCommitteeModal({ onClose }: { onClose: () => void }) {
  const me = useMe()
  const client = useQueryClient()
  const navigate = useNavigate()
  const form = useForm<CommitteeValues>({
    initialValues: { siteId: me.sites[0]?.id ?? null, date: null },
    validate: (v) => bodyErrors(committeeInput, committeeBody(v)),
  })
  const save = useMutation({
    mutationFn: (v: CommitteeValues) => plieApi.createCommittee(committeeBody(v)),
    onSuccess: async (created) => {
      await refreshPlie(client)
      onClose()
      await navigate({ to: '/plie/comites/$id', params: { id: created.id } })
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <AppModal opened onClose={onClose} title="Nouveau comité">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <FormError error={save.error} title="Création impossible" />
          <SiteSelect label="Site" required {...form.getInputProps('siteId')} />
          <DateField label="Date du comité" required {...form.getInputProps('date')} />
          <FormActions saving={save.isPending} onCancel={onClose} submitLabel="Créer le comité" />
        </Stack>
      </form>
    </AppModal>
  )
}
