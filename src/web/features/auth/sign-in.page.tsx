import { Alert, Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useState } from 'react'
import { type Me, type SignInResult, signInSchema } from '../../../shared/auth/auth.schema.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { useDocumentTitle } from '../../components/page.tsx'
import { authApi, meQuery, type TotpEnrolment } from './auth.api.ts'
import { PublicFrame } from './public-frame.tsx'
import { TotpEnrolmentStep, TotpStep } from './totp-steps.tsx'

type Step = { kind: 'credentials' } | { kind: 'totp' } | { kind: 'enrol'; enrolment: TotpEnrolment }

/** Only a path of this application, never another site (open-redirect). */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : '/accueil'
}

export function SignInPage() {
  useDocumentTitle('Connexion')
  const [step, setStep] = useState<Step>({ kind: 'credentials' })
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const search = useSearch({ strict: false }) as { redirect?: string }

  async function finish(result: SignInResult) {
    if (result.status === 'totp_required') return setStep({ kind: 'totp' })
    if (result.status === 'totp_enrolment_required') {
      const enrolment = await authApi.startEnrolment()
      return setStep({ kind: 'enrol', enrolment })
    }
    const me: Me | null = result.me ?? (await queryClient.fetchQuery({ ...meQuery, staleTime: 0 }))
    queryClient.setQueryData(meQuery.queryKey, me)
    await navigate({ to: safeRedirect(search.redirect), replace: true })
  }

  async function restart() {
    await authApi.signOut().catch(() => undefined)
    setStep({ kind: 'credentials' })
  }

  return (
    <PublicFrame footer="Mot de passe oublié ? Adressez-vous à l'administrateur de votre structure.">
      <Stack gap="lg">
        <Title order={1}>Connexion</Title>
        {step.kind === 'credentials' && search.redirect && !['/', '/accueil'].includes(search.redirect) && (
          <Alert color="blue" variant="light">
            Connectez-vous pour continuer : vous reviendrez ensuite sur la page demandée.
          </Alert>
        )}
        {step.kind === 'credentials' && <CredentialsStep onResult={finish} />}
        {step.kind === 'totp' && <TotpStep onResult={finish} onCancel={restart} />}
        {step.kind === 'enrol' && <TotpEnrolmentStep enrolment={step.enrolment} onResult={finish} onCancel={restart} />}
      </Stack>
    </PublicFrame>
  )
}

function CredentialsStep({ onResult }: { onResult: (result: SignInResult) => Promise<void> }) {
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: schemaResolver(signInSchema, { sync: true }),
  })
  const signIn = useMutation({
    mutationFn: async (values: typeof form.values) => onResult(await authApi.signIn(values)),
    onError: (error) => applyFieldErrors(form, error),
  })

  return (
    <form noValidate onSubmit={form.onSubmit((values) => signIn.mutate(values))}>
      <Stack gap="md">
        <FormError error={signIn.error} title="Connexion refusée" />
        <TextInput
          label="Adresse e-mail"
          type="email"
          autoComplete="username"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Mot de passe"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          Se connecter
        </Button>
      </Stack>
    </form>
  )
}
