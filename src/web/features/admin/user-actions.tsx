import { ActionIcon, Button, Group, Menu, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { User } from '../../../shared/admin/admin.schema.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormError } from '../../components/form-error.tsx'
import { formatDateTime } from '../../components/format.ts'
import { adminApi, type PasswordReset } from './admin.api.ts'
import { invitationNotice } from './user-form.tsx'

type Pending = 'reset' | 'sessions' | 'toggle' | null

/** The row menu of the users table: edit, reset the password, end sessions, deactivate or reactivate. */
export function UserActions({ user, onEdit }: { user: User; onEdit: () => void }) {
  const queryClient = useQueryClient()
  const [pending, setPending] = useState<Pending>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // an account that never chose its password: the reset sends its invitation again
  const invited = user.invitationExpiresAt !== null

  const action = useMutation({
    mutationFn: async (kind: Exclude<Pending, null>) => {
      if (kind === 'reset') {
        const sent = await adminApi.resetPassword(user.id)
        setNotice(invited ? invitationNotice(sent) : resetNotice(sent))
      }
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
    reset: invited
      ? {
          title: 'Renvoyer l’invitation',
          text:
            `${user.displayName} n’a pas encore choisi de mot de passe. Une nouvelle invitation, valable 7 jours, lui ` +
            `sera envoyée par courriel (${user.email}) ; le lien précédent ne fonctionnera plus.`,
          button: 'Renvoyer l’invitation',
          danger: false,
        }
      : {
          title: 'Réinitialiser le mot de passe',
          text:
            `Le mot de passe actuel de ${user.displayName} ne fonctionnera plus et ses sessions seront fermées. ` +
            `Un lien pour choisir un nouveau mot de passe lui sera envoyé par courriel (${user.email}) : valable une heure, ` +
            'il ne sert qu’une fois. Vous ne verrez ni le lien ni le mot de passe.',
          button: 'Réinitialiser et envoyer le lien',
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
          <Menu.Item onClick={() => setPending('reset')}>
            {invited ? 'Renvoyer l’invitation' : 'Réinitialiser le mot de passe'}
          </Menu.Item>
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

function resetNotice(reset: PasswordReset): string {
  return reset.mailed
    ? `Un lien pour choisir un nouveau mot de passe a été envoyé à ${reset.sentTo}. ` +
        `Il est valable jusqu’au ${formatDateTime(reset.expiresAt)} et ne sert qu’une fois.`
    : 'Aucun serveur de courriel n’est configuré (SMTP_URL) : le message contenant le lien a été écrit dans le journal ' +
        'du serveur, à l’attention de son exploitant.'
}
