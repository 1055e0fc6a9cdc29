import { Alert, Button, Group, MultiSelect, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { type User, userCreateSchema, userUpdateSchema } from '../../../shared/admin/admin.schema.ts'
import { type Role, roleLabels, roles } from '../../../shared/auth/roles.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatDateTime } from '../../components/format.ts'
import { adminApi, type PasswordReset, programmesQuery, sitesQuery, type UserCreated } from './admin.api.ts'

export const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }))

interface UserValues {
  email: string
  displayName: string
  role: Role
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
  const [created, setCreated] = useState<UserCreated | null>(null)
  const form = useForm<UserValues>({
    initialValues: {
      email: user?.email ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'counsellor',
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
    mutationFn: async ({ email, active, ...rest }: UserValues) => {
      if (user) await adminApi.updateUser(user.id, { ...rest, active, version: user.version })
      else return adminApi.createUser({ ...rest, email })
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] })
      // a new account: say where its invitation went before closing
      if (result) setCreated(result)
      else onDone()
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      if (isApiError(error) && error.code === 'version_conflict')
        await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] })
    },
  })

  if (created)
    return (
      <Stack gap="md">
        <Alert color="green" role="status" title={`Compte de ${created.displayName} créé`}>
          {invitationNotice(created.invitation)}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onDone} data-autofocus>
            Fermer
          </Button>
        </Group>
      </Stack>
    )

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
          <Text size="sm">
            Vous ne choisissez pas de mot de passe : l’utilisateur recevra à son adresse e-mail une invitation, un lien
            valable 7 jours pour choisir lui-même le sien.
          </Text>
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
        <FormActions
          saving={save.isPending}
          submitLabel={user ? 'Enregistrer' : "Créer l'utilisateur"}
          onCancel={onDone}
        />
      </Stack>
    </form>
  )
}

/** Where the invitation went and until when; the administrator sees neither the link nor a password. */
export function invitationNotice(invitation: PasswordReset): string {
  return invitation.mailed
    ? `Une invitation a été envoyée à ${invitation.sentTo} : un lien pour choisir son mot de passe, valable jusqu’au ` +
        `${formatDateTime(invitation.expiresAt)} et utilisable une seule fois. Vous ne verrez ni le lien ni le mot ` +
        'de passe. Si elle n’arrive pas ou expire, renvoyez-la depuis le menu « Actions » de l’utilisateur.'
    : 'Aucun serveur de courriel n’est configuré (SMTP_URL) : l’invitation, avec son lien, a été écrite dans le journal ' +
        'du serveur, à l’attention de son exploitant.'
}
