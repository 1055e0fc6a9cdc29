import { Button, Group, MultiSelect, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type User, userCreateSchema, userUpdateSchema } from '../../../shared/admin/admin.schema.ts'
import { type Role, roleLabels, roles } from '../../../shared/auth/roles.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { adminApi, programmesQuery, sitesQuery } from './admin.api.ts'

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }))

interface UserValues {
  email: string
  displayName: string
  role: Role
  password: string
  active: boolean
  siteIds: string[]
  programmeIds: string[]
}

/** Create (user absent) or edit a user account, in a modal. */
export function UserFormModal({ user, opened, onClose }: { user?: User; opened: boolean; onClose: () => void }) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={user ? `Modifier le compte de ${user.displayName}` : 'Nouvel utilisateur'}
      size="lg"
    >
      {opened && <UserForm user={user} onDone={onClose} />}
    </AppModal>
  )
}

function useScopeOptions(user?: User) {
  const sites = useQuery(sitesQuery)
  const programmes = useQuery(programmesQuery)
  // inactive sites and programmes are offered only when already attached to this user
  const keep = (item: { id: string; active: boolean }, attached: string[] | undefined) =>
    item.active || attached?.includes(item.id)
  return {
    sites: (sites.data ?? []).filter((s) => keep(s, user?.siteIds)).map((s) => ({ value: s.id, label: s.name })),
    // only services (ML, PLIE) scope what a user sees; schemes (CEJ…) are enrolments of people
    programmes: (programmes.data ?? [])
      .filter((p) => (p.kind === 'service' && keep(p, user?.programmeIds)) || user?.programmeIds.includes(p.id))
      .map((p) => ({ value: p.id, label: `${p.name} (${p.code})` })),
    error: sites.error ?? programmes.error,
  }
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const queryClient = useQueryClient()
  const options = useScopeOptions(user)
  const form = useForm<UserValues>({
    initialValues: {
      email: user?.email ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'counsellor',
      password: '',
      active: user?.active ?? true,
      siteIds: user?.siteIds ?? [],
      programmeIds: user?.programmeIds ?? [],
    },
    validate: (values) =>
      user
        ? schemaResolver(userUpdateSchema, { sync: true })({ ...values, version: user.version })
        : schemaResolver(userCreateSchema, { sync: true })(values),
  })

  const save = useMutation({
    mutationFn: ({ email, password, active, ...rest }: UserValues) =>
      user
        ? adminApi.updateUser(user.id, { ...rest, active, version: user.version })
        : adminApi.createUser({ ...rest, email, password }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] })
      onDone()
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      if (isApiError(error) && error.code === 'version_conflict')
        await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] })
    },
  })

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="md">
        <FormError error={save.error ?? options.error} title="Enregistrement impossible" />
        {user ? (
          <Text>
            Adresse e-mail : <strong>{user.email}</strong>
          </Text>
        ) : (
          <TextInput
            label="Adresse e-mail"
            type="email"
            autoComplete="off"
            required
            data-autofocus
            {...form.getInputProps('email')}
          />
        )}
        <TextInput label="Nom affiché" description="Prénom et nom" required {...form.getInputProps('displayName')} />
        <Select
          label="Rôle"
          required
          data={roleOptions}
          allowDeselect={false}
          searchable
          {...form.getInputProps('role')}
        />
        {!user && (
          <PasswordInput
            label="Mot de passe initial"
            description="12 caractères au moins ; l'utilisateur pourra le changer dans son profil"
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
        )}
        <MultiSelect
          label="Sites"
          description="Les sites dont l'utilisateur voit les personnes accompagnées"
          required
          data={options.sites}
          searchable
          hidePickedOptions
          nothingFoundMessage="Aucun site"
          {...form.getInputProps('siteIds')}
        />
        <MultiSelect
          label="Programmes"
          description="Les services dont l'utilisateur suit les personnes (Mission Locale, PLIE…)"
          data={options.programmes}
          searchable
          hidePickedOptions
          nothingFoundMessage="Aucun programme"
          {...form.getInputProps('programmeIds')}
        />
        {user && <Switch label="Compte actif" {...form.getInputProps('active', { type: 'checkbox' })} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Annuler
          </Button>
          <Button type="submit" loading={save.isPending}>
            {user ? 'Enregistrer' : "Créer l'utilisateur"}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
