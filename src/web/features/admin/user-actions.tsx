import { ActionIcon, Alert, Button, CopyButton, Group, Menu, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { User } from '../../../shared/admin/admin.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormError } from '../../components/form-error.tsx'
import { adminApi, type PasswordReset } from './admin.api.ts'

type Pending = 'reset' | 'sessions' | 'toggle' | null

/** The row menu of the users table: edit, reset the password, end sessions, deactivate or reactivate. */
export function UserActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<Pending>(null)
  const [reset, setReset] = useState<PasswordReset | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const action = useMutation({
    mutationFn: async (kind: Exclude<Pending, null>) => {
      if (kind === 'reset') setReset(await adminApi.resetPassword(user.id))
      if (kind === 'sessions') {
        await adminApi.endSessions(user.id)
        setNotice(`Les sessions de ${user.displayName} ont été fermées.`)
      }
      if (kind === 'toggle') {
        const { displayName, role, siteIds, programmeIds, version } = user
        await adminApi.updateUser(user.id, { displayName, role, siteIds, programmeIds, version, active: !user.active })
      }
    },
    onSuccess: async () => {
      setPending(null)
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] })
    },
  })

  const confirmations: Record<
    Exclude<Pending, null>,
    { title: string; text: string; button: string; danger: boolean }
  > = {
    reset: {
      title: 'Réinitialiser le mot de passe',
      text: `Un mot de passe temporaire va remplacer celui de ${user.displayName}, dont les sessions seront fermées.`,
      button: 'Réinitialiser',
      danger: true,
    },
    sessions: {
      title: 'Fermer les sessions',
      text: `${user.displayName} sera déconnecté(e) sur tous ses appareils.`,
      button: 'Fermer les sessions',
      danger: false,
    },
    toggle: user.active
      ? {
          title: 'Désactiver le compte',
          text: `${user.displayName} ne pourra plus se connecter. Son historique est conservé.`,
          button: 'Désactiver',
          danger: true,
        }
      : {
          title: 'Réactiver le compte',
          text: `${user.displayName} pourra de nouveau se connecter.`,
          button: 'Réactiver',
          danger: false,
        },
  }
  const confirmation = pending ? confirmations[pending] : null

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions pour ${user.displayName}`}>
            <span aria-hidden="true" style={{ fontSize: 20, lineHeight: 1 }}>
              ⋯
            </span>
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onEdit}>Modifier</Menu.Item>
          <Menu.Item onClick={() => setPending('reset')}>Réinitialiser le mot de passe</Menu.Item>
          <Menu.Item onClick={() => setPending('sessions')}>Fermer les sessions</Menu.Item>
          <Menu.Divider />
          <Menu.Item color={user.active ? 'red.8' : undefined} onClick={() => setPending('toggle')}>
            {user.active ? 'Désactiver le compte' : 'Réactiver le compte'}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <AppModal
        opened={confirmation !== null}
        onClose={() => {
          setPending(null)
          action.reset()
        }}
        title={confirmation?.title}
      >
        <Stack gap="md">
          <FormError error={action.error} title="Action impossible" />
          <Text>{confirmation?.text}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              Annuler
            </Button>
            <Button
              color={confirmation?.danger ? 'red.8' : undefined}
              loading={action.isPending}
              onClick={() => pending && action.mutate(pending)}
            >
              {confirmation?.button}
            </Button>
          </Group>
        </Stack>
      </AppModal>

      <AppModal opened={reset !== null} onClose={() => setReset(null)} title="Mot de passe temporaire">
        {reset && (
          <Stack gap="md">
            <Alert color="yellow" variant="light">
              Ce mot de passe ne sera plus affiché. Transmettez-le à {user.displayName} par un moyen sûr ; il devra le
              changer dans son profil.
              {reset.mailed && ' Il lui a aussi été envoyé par e-mail.'}
            </Alert>
            <TextInput
              label="Mot de passe temporaire"
              value={reset.temporaryPassword}
              readOnly
              onFocus={(e) => e.currentTarget.select()}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Group justify="flex-end">
              <CopyButton value={reset.temporaryPassword}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? 'Copié' : 'Copier'}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setReset(null)}>Fermer</Button>
            </Group>
          </Stack>
        )}
      </AppModal>

      <AppModal opened={notice !== null} onClose={() => setNotice(null)} title="C'est fait">
        <Stack gap="md">
          <Text>{notice}</Text>
          <Group justify="flex-end">
            <Button onClick={() => setNotice(null)}>Fermer</Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  )
}
