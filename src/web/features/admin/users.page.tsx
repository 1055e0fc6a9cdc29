import { Badge, Button, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import type { User } from '../../../shared/admin/admin.schema.ts'
import { roleLabels } from '../../../shared/auth/roles.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, formatDateTime } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { SortableTh, TablePagination } from '../../components/table.tsx'
import { sitesQuery, type UserListParams, usersQuery } from './admin.api.ts'
import { usersSearchSchema } from './admin.search.ts'
import { UserActions } from './user-actions.tsx'
import { roleOptions, UserFormModal } from './user-form.tsx'

type Sort = UserListParams['sort']

export function UsersPage() {
  const params = usersSearchSchema.parse(useSearch({ strict: false }))
  const navigate = useNavigate()
  const update = (patch: Partial<UserListParams>) =>
    navigate({ to: '/admin/utilisateurs', search: clean({ ...params, ...patch }), replace: true })

  const users = useQuery(usersQuery(params))
  const sites = useQuery(sitesQuery)
  const siteNames = useMemo(() => new Map(sites.data?.map((s) => [s.id, s.name])), [sites.data])
  const [editing, setEditing] = useState<{ user?: User } | null>(null)
  const [q, setQ] = useState(params.q ?? '')
  const search = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined, page: 1 }), 300)
  const sortProps = {
    sort: params.sort,
    order: params.order,
    onSort: (sort: Sort, order: 'asc' | 'desc') => update({ sort, order, page: 1 }),
  }

  return (
    <Page title="Utilisateurs" actions={<Button onClick={() => setEditing({})}>Nouvel utilisateur</Button>}>
      <Group align="flex-end" gap="md" role="search" aria-label="Filtrer les utilisateurs">
        <TextInput
          label="Rechercher"
          description="Nom ou adresse e-mail"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value)
            search(e.currentTarget.value)
          }}
          w={280}
        />
        <Select
          label="Rôle"
          data={roleOptions}
          value={params.role ?? null}
          onChange={(role) => update({ role: (role as UserListParams['role']) ?? undefined, page: 1 })}
          placeholder="Tous les rôles"
          clearable
          clearButtonProps={{ 'aria-label': 'Tous les rôles' }}
          w={260}
        />
        <Select
          label="Statut"
          data={[
            { value: 'all', label: 'Tous' },
            { value: 'true', label: 'Actifs' },
            { value: 'false', label: 'Désactivés' },
          ]}
          value={params.active ?? 'all'}
          onChange={(v) => update({ active: v === 'true' || v === 'false' ? v : undefined, page: 1 })}
          allowDeselect={false}
          w={160}
        />
      </Group>

      <FormError error={users.error} title="Chargement impossible" />
      {users.isPending ? (
        <Loader aria-label="Chargement des utilisateurs" />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover aria-busy={users.isFetching}>
            <Table.Caption>Comptes utilisateurs</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="displayName" {...sortProps}>
                  Nom
                </SortableTh>
                <SortableTh column="email" {...sortProps}>
                  Adresse e-mail
                </SortableTh>
                <SortableTh column="role" {...sortProps}>
                  Rôle
                </SortableTh>
                <Table.Th>Sites</Table.Th>
                <Table.Th>Double auth.</Table.Th>
                <Table.Th>Statut</Table.Th>
                <SortableTh column="createdAt" {...sortProps}>
                  Créé le
                </SortableTh>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Text ta="center" py="md">
                      Aucun utilisateur ne correspond à ces critères.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {users.data?.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td fw={600}>{user.displayName}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{roleLabels[user.role]}</Table.Td>
                  <Table.Td>{sitesSummary(user.siteIds, siteNames)}</Table.Td>
                  <Table.Td>{user.totpEnabled ? 'Activée' : 'Non'}</Table.Td>
                  <Table.Td>
                    {user.active && user.invitationExpiresAt ? (
                      <InvitationBadge expiresAt={user.invitationExpiresAt} />
                    ) : (
                      <StatusBadge active={user.active} off="Désactivé" />
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(user.createdAt)}</Table.Td>
                  <Table.Td>
                    <UserActions user={user} onEdit={() => setEditing({ user })} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.data && (
        <TablePagination
          total={users.data.total}
          page={params.page}
          pageSize={params.pageSize}
          onChange={(next) => update(next)}
        />
      )}
      <UserFormModal user={editing?.user} opened={editing !== null} onClose={() => setEditing(null)} />
    </Page>
  )
}

/** An account that has never had a password: its invitation waits, or has expired (the row menu sends it again). */
function InvitationBadge({ expiresAt }: { expiresAt: string }) {
  const expired = new Date(expiresAt).getTime() <= Date.now()
  return (
    <Badge
      color={expired ? 'orange' : 'blue'}
      variant="light"
      title={`${expired ? 'Expirée depuis le' : 'Lien valable jusqu’au'} ${formatDateTime(expiresAt)}`}
      styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}
    >
      {expired ? 'Invitation expirée' : 'Invitation envoyée'}
    </Badge>
  )
}

/** "Tous les sites (20)", or the first two names and how many more. */
function sitesSummary(ids: string[], names: Map<string, string>): string {
  if (names.size > 1 && ids.length === names.size) return `Tous les sites (${ids.length})`
  const shown = ids.slice(0, 2).map((id) => names.get(id) ?? '…')
  const rest = ids.length - shown.length
  return rest > 0 ? `${shown.join(', ')} et ${rest} autre${rest > 1 ? 's' : ''}` : shown.join(', ')
}

/** Default values stay out of the URL. */
function clean(params: UserListParams): Partial<UserListParams> {
  const result: Partial<UserListParams> = {}
  if (params.page !== 1) result.page = params.page
  if (params.pageSize !== 25) result.pageSize = params.pageSize
  if (params.q) result.q = params.q
  if (params.role) result.role = params.role
  if (params.active) result.active = params.active
  if (params.sort !== 'displayName') result.sort = params.sort
  if (params.order !== 'asc') result.order = params.order
  return result
}
