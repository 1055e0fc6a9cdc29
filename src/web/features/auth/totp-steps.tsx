import { Anchor, Button, Group, List, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation } from '@tanstack/react-query'
import { Suspense } from 'react'
import { type SignInResult, totpCodeSchema } from '../../../shared/auth/auth.schema.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { authApi, type TotpEnrolment } from './auth.api.ts'

/** ABCD EFGH IJKL… easier to read aloud and to type into an authenticator app. */
export const groupSecret = (secret: string) => secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ')

/** The 6-digit code field and its submit button, shared by sign-in, enrolment and the profile page. */
export function TotpCodeForm({
  submitLabel,
  onSubmitCode,
  onCancel,
}: {
  submitLabel: string
  onSubmitCode: (code: string) => Promise<unknown>
  onCancel?: () => void
}) {
  const form = useForm({ initialValues: { code: '' }, validate: schemaResolver(totpCodeSchema, { sync: true }) })
  const submit = useMutation({
    mutationFn: (code: string) => onSubmitCode(code),
    onError: (error) => {
      applyFieldErrors(form, error)
      form.setFieldValue('code', '')
    },
  })
  return (
    <form noValidate onSubmit={form.onSubmit(({ code }) => submit.mutate(code.replace(/\s+/g, '')))}>
      <Stack gap="md">
        <FormError error={submit.error} title="Code refusé" />
        <TextInput
          label="Code à 6 chiffres"
          description="Le code affiché par votre application d'authentification"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          data-autofocus
          {...form.getInputProps('code')}
        />
        <Group justify="space-between">
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              Retour
            </Button>
          )}
          <Button type="submit" loading={submit.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function TotpStep({
  onResult,
  onCancel,
}: {
  onResult: (result: SignInResult) => Promise<void>
  onCancel: () => void
}) {
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Double authentification
      </Title>
      <Text>Saisissez le code à 6 chiffres affiché par votre application d'authentification.</Text>
      <TotpCodeForm
        submitLabel="Valider"
        onSubmitCode={async (code) => onResult(await authApi.verifyTotp(code))}
        onCancel={onCancel}
      />
    </Stack>
  )
}

const TotpQrCode = lazyPage(() => import('./totp-qr-code.tsx'), 'TotpQrCode')

/**
 * A new enrolment: its QR code to scan, and the same secret as text for whoever cannot scan (a screen reader, a
 * desktop app, a camera that fails), and the otpauth link for an app on the same phone.
 */
export function TotpSecret({ enrolment }: { enrolment: TotpEnrolment }) {
  return (
    <Stack gap="xs">
      <Text size="sm">Scannez ce QR code avec votre application d'authentification :</Text>
      <Suspense fallback={<Skeleton width={176} height={176} aria-hidden="true" />}>
        <TotpQrCode uri={enrolment.uri} />
      </Suspense>
      <Text size="sm">Ou saisissez la clé secrète :</Text>
      <TextInput
        label="Clé secrète"
        aria-label="Clé secrète"
        description="À saisir dans votre application d'authentification (les espaces sont facultatifs)"
        value={groupSecret(enrolment.secret)}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
      />
      <Text size="sm">
        Sur un téléphone, vous pouvez aussi{' '}
        <Anchor href={enrolment.uri} size="sm">
          ouvrir le lien de configuration
        </Anchor>
        .
      </Text>
      <TextInput label="Lien de configuration (otpauth)" value={enrolment.uri} readOnly size="xs" />
    </Stack>
  )
}

export function TotpEnrolmentStep({
  enrolment,
  onResult,
  onCancel,
}: {
  enrolment: TotpEnrolment
  onResult: (result: SignInResult) => Promise<void>
  onCancel: () => void
}) {
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        Activer la double authentification
      </Title>
      <Text>Votre rôle exige une double authentification. Pour l'activer :</Text>
      <List type="ordered" spacing="xs">
        <List.Item>installez une application d'authentification (FreeOTP, Aegis, Google Authenticator…) ;</List.Item>
        <List.Item>ajoutez un compte en scannant le QR code ci-dessous, ou en saisissant la clé secrète ;</List.Item>
        <List.Item>saisissez le code à 6 chiffres qu'elle affiche.</List.Item>
      </List>
      <TotpSecret enrolment={enrolment} />
      <TotpCodeForm
        submitLabel="Activer et continuer"
        onSubmitCode={async (code) => onResult(await authApi.verifyTotp(code))}
        onCancel={onCancel}
      />
    </Stack>
  )
}
