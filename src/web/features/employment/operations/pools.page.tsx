import {
  Badge,
  Button,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { type Pool, poolInput } from '../../../../shared/employment/pools.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatNumber, today } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { poolsApi, poolsQuery, refreshPools } from './operations.api.ts'
import { poolKindLabel, poolKindOptions } from './operations.labels.ts'

// « Viviers » (docs/employment/operations.md « Pools »): each pool with its figures; a new pool or a pool's change in
// a dialog (name, kind, sector, eligibility criteria, dates, open or closed).

export function PoolDialog({ pool, opened, onClose }: { pool: Pool | null; opened: boolean; onClose: () => void }) {
  const client = useQueryClient()
  const navigate = useNavigate()
  const [v, setV] = useState({
    name: pool?.name ?? '',
    kind: pool?.kind ?? 'sector',
    sector: pool?.sector ?? '',
    eligibility: pool?.eligibility ?? '',
    startsOn: pool?.startsOn ?? today(),
    endsOn: pool?.endsOn ?? null,
    active: pool?.active ?? true,
  })
  const save = useMutation({
    mutationFn: () => {
      const body = poolInput.parse({
        ...v,
        sector: v.sector.trim() || null,
        eligibility: v.eligibility.trim() || null,
      })
      return pool ? poolsApi.update(pool.id, { ...body, version: pool.version }) : poolsApi.create(body)
    },
    onSuccess: (p) => {
      onClose()
      if (!pool) void navigate({ to: '/emploi/viviers/$id', params: { id: p.id } })
    },
    onSettled: () => refreshPools(client),
  })
  const errors = isApiError(save.error) ? save.error.fieldErrors() : {}
  return (
    <AppModal opened={opened} onClose={onClose} title={pool ? 'Modifier le vivier' : 'Nouveau vivier'} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate()
        }}
      >
        <Stack gap="sm">
          <FormError error={save.error} title="Enregistrement impossible" />
          <TextInput
            label="Nom"
            required
            value={v.name}
            onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
            error={errors.name}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              data={poolKindOptions}
              value={v.kind}
              onChange={(k) => setV({ ...v, kind: (k ?? 'sector') as 'sector' })}
              allowDeselect={false}
            />
            <TextInput
              label="Secteur"
              value={v.sector}
              onChange={(e) => setV({ ...v, sector: e.currentTarget.value })}
            />
            <DateField
              label="Début"
              required
              value={v.startsOn}
              onChange={(d) => setV({ ...v, startsOn: d ?? '' })}
              error={errors.startsOn}
            />
            <DateField label="Fin" value={v.endsOn} onChange={(d) => setV({ ...v, endsOn: d })} error={errors.endsOn} />
          </SimpleGrid>
          <Textarea
            label="Critères d’éligibilité"
            autosize
            minRows={3}
            value={v.eligibility}
            onChange={(e) => setV({ ...v, eligibility: e.currentTarget.value })}
          />
          {pool && (
            <Select
              label="État"
              data={[
                { value: 'open', label: 'Ouvert' },
                { value: 'closed', label: 'Fermé' },
              ]}
              value={v.active ? 'open' : 'closed'}
              onChange={(s) => setV({ ...v, active: s !== 'closed' })}
              allowDeselect={false}
              w={200}
            />
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  )
}

export function PoolsPage() {
  const me = useMe()
  const list = useQuery(poolsQuery)
  const [creating, setCreating] = useState(false)
  const items = list.data ?? []
  return (
    <Page
      title="Viviers"
      actions={can(me.role, 'employmentManage') && <Button onClick={() => setCreating(true)}>Nouveau vivier</Button>}
    >
      <FormError error={list.error} title="Chargement impossible" />
      {list.isPending ? (
        <Loader aria-label="Chargement des viviers" />
      ) : items.length === 0 ? (
        <Text>Aucun vivier.</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-label="Viviers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Vivier</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Depuis le</Table.Th>
                <Table.Th ta="right">Positionnés</Table.Th>
                <Table.Th ta="right">Informés</Table.Th>
                <Table.Th ta="right">Entretiens</Table.Th>
                <Table.Th ta="right">Entrés</Table.Th>
                <Table.Th ta="right">En emploi</Table.Th>
                <Table.Th>État</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/emploi/viviers/$id" params={{ id: p.id }}>
                      {p.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{poolKindLabel(p.kind)}</Table.Td>
                  <Table.Td>{formatDate(p.startsOn)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.figures.positioned)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.figures.informed)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.figures.interviewed)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.figures.joined)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(p.figures.employed)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={p.active ? 'blue' : 'gray'}>
                      {p.active ? 'Ouvert' : 'Fermé'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <PoolDialog pool={null} opened onClose={() => setCreating(false)} />}
    </Page>
  )
}
