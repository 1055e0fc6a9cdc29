import { Alert, Button, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useState } from 'react'
import { z } from 'zod'
import { passwordResetCompleteSchema } from '../../../shared/auth/auth.schema.ts'
import { isApiError } from '../../api.ts'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { useDocumentTitle } from '../../components/page.tsx'
import { authApi, meQuery } from './auth.api.ts'
import { PublicFrame } from './public-frame.tsx'

/** The route's body less the token (it comes from the link), and the confirmation typed twice. */
const formSchema = passwordResetCompleteSchema
  .omit({ token: true })
  .extend({ confirmation: z.string() })
  .refine((v) => v.newPassword === v.confirmation, {
    path: ['confirmation'],
    message: 'Les deux mots de passe ne correspondent pas.',
  })

/**
 * Reached from the link an administrator's reset sends by mail, or from a new account's invitation (`?invitation=1`:
 * a first password). The token is in the fragment (#…), which the browser sends neither to the server's logs nor to
 * other sites; the page posts it with the new password.
 */
export function NewPasswordPage() {
  const [invitation] = useState(() => new URLSearchParams(window.location.search).has('invitation'))
  const title = invitation ? 'Choisir votre mot de passe' : 'Nouveau mot de passe'
  useDocumentTitle(title)
  const queryClient = useQueryClient()
  const [token] = useState(() => window.location.hash.slice(1))
  const [done, setDone] = useState(false)
  const form = useForm({
    initialValues: { newPassword: '', confirmation: '' },
    validate: schemaResolver(formSchema, { sync: true }),
  })
  const submit = useMutation({
    mutationFn: (v: typeof form.values) => authApi.completePasswordReset({ token, newPassword: v.newPassword }),
    onSuccess: () => {
      // every session of the account has ended, this browser's included
      queryClient.setQueryData(meQuery.queryKey, null)
      setDone(true)
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const linkRefused = isApiError(submit.error) && submit.error.fields.some((f) => f.field === 'token')

  return (
    <PublicFrame>
      <Stack gap="lg">
        <Title order={1}>{title}</Title>
        {done ? (
          <>
            <Alert color="green" role="status">
              {invitation
                ? 'Votre mot de passe est enregistré : votre compte est prêt.'
                : 'Votre mot de passe a été changé. Vos sessions ouvertes ont été fermées.'}
            </Alert>
            <Button component={Link} to="/connexion">
              Se connecter
            </Button>
          </>
        ) : token.length < 20 ? (
          <Alert color="red" role="alert" title="Lien incomplet">
            Ouvrez le lien reçu par courriel tel quel, sans le modifier. S’il ne fonctionne pas, demandez-en un nouveau
            à l’administrateur de votre structure.
          </Alert>
        ) : (
          <form noValidate onSubmit={form.onSubmit((v) => submit.mutate(v))}>
            <Stack gap="md">
              <Text>
                {invitation
                  ? 'Bienvenue dans Jalon. Choisissez le mot de passe avec lequel vous vous connecterez : personne d’autre ne le connaîtra.'
                  : 'Choisissez le mot de passe avec lequel vous vous connecterez désormais.'}
              </Text>
              <FormError error={submit.error} title={linkRefused ? 'Lien refusé' : undefined} />
              <PasswordInput
                label="Nouveau mot de passe"
                description="12 caractères au moins, sans reprendre votre adresse e-mail ; une phrase de passe est idéale"
                autoComplete="new-password"
                required
                data-autofocus
                {...form.getInputProps('newPassword')}
              />
              <PasswordInput
                label="Confirmation du nouveau mot de passe"
                autoComplete="new-password"
                required
                {...form.getInputProps('confirmation')}
              />
              <Button type="submit" loading={submit.isPending} fullWidth>
                Enregistrer le mot de passe
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </PublicFrame>
  )
}
