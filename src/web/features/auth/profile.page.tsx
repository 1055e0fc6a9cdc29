import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { z } from 'zod'
import { passwordSchema } from '../../../shared/auth/auth.schema.ts'
import { roleLabels } from '../../../shared/auth/roles.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { Page } from '../../components/page.tsx'
import { authApi, meQuery, type TotpEnrolment, useMe } from './auth.api.ts'
import { TotpCodeForm, TotpSecret } from './totp-steps.tsx'

const passwordFormSchema = z
  .object({
    currentPassword: z.string().min(1, 'Mot de passe actuel requis.'),
    newPassword: passwordSchema,
    confirmation: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmation, {
    path: ['confirmation'],
    message: 'Les deux mots de passe ne correspondent pas.',
  })

export function ProfilePage() {
  const me = useMe()
  return (
    <Page title="Mon profil">
      <Card withBorder>
        <Stack gap={4}>
          <Text fw={600}>{me.displayName}</Text>
          <Text>{me.email}</Text>
          <Text>{roleLabels[me.role]}</Text>
        </Stack>
      </Card>
      <ChangePassword />
      <TwoFactor />
    </Page>
  )
}

function ChangePassword() {
  const [done, setDone] = useState(false)
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmation: '' },
    validate: schemaResolver(passwordFormSchema, { sync: true }),
  })
  const change = useMutation({
    mutationFn: (v: typeof form.values) =>
      authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      form.reset()
      setDone(true)
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <Card withBorder component="section" aria-labelledby="password-title">
      <form noValidate onSubmit={form.onSubmit((v) => change.mutate(v))}>
        <Stack gap="md" maw={420}>
          <Title order={2} size="h3" id="password-title">
            Changer mon mot de passe
          </Title>
          {done && (
            <Alert color="green" role="status">
              Votre mot de passe a été changé. Vos sessions ouvertes sur d’autres appareils ont été fermées.
            </Alert>
          )}
          <FormError error={change.error} />
          <PasswordInput
            label="Mot de passe actuel"
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="Nouveau mot de passe"
            description="12 caractères au moins, sans reprendre votre adresse e-mail ; une phrase de passe est idéale"
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Confirmation du nouveau mot de passe"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmation')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Changer le mot de passe
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}

function TwoFactor() {
  const me = useMe()
  const queryClient = useQueryClient()
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null)
  const start = useMutation({ mutationFn: authApi.startEnrolment, onSuccess: setEnrolment })

  async function confirm(code: string) {
    await authApi.confirmTotp(code)
    setEnrolment(null)
    await queryClient.invalidateQueries({ queryKey: meQuery.queryKey })
  }

  return (
    <Card withBorder component="section" aria-labelledby="totp-title">
      <Stack gap="md" maw={520}>
        <Group gap="sm">
          <Title order={2} size="h3" id="totp-title">
            Double authentification
          </Title>
          <Badge color={me.totpEnabled ? 'green' : 'gray'} variant="light">
            {me.totpEnabled ? 'Activée' : 'Désactivée'}
          </Badge>
        </Group>
        {me.totpEnabled ? (
          <Text>Un code de votre application d'authentification vous est demandé à chaque connexion.</Text>
        ) : enrolment ? (
          <>
            <Text>
              Scannez le QR code ou ajoutez la clé dans votre application d'authentification, puis saisissez le code
              affiché.
            </Text>
            <TotpSecret enrolment={enrolment} />
            <TotpCodeForm submitLabel="Activer" onSubmitCode={confirm} onCancel={() => setEnrolment(null)} />
          </>
        ) : (
          <>
            <Text>Protégez votre compte : un code à 6 chiffres vous sera demandé en plus du mot de passe.</Text>
            <FormError error={start.error} />
            <Group>
              <Button onClick={() => start.mutate()} loading={start.isPending}>
                Activer la double authentification
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  )
}
