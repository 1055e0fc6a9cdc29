import { Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { Page } from '../../../components/page.tsx'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { EmployerFields, type EmployerValues, employerBody, employerValues } from './employer-form.tsx'
import { employersApi, refreshEmployers } from './employers.api.ts'

/** « Nouvelle entreprise »: the SIRET first, then the SIRENE fields; created, the file opens. */
export function EmployerNewPage() {
  const client = useQueryClient()
  const navigate = useNavigate()
  const form = useForm<EmployerValues>({
    mode: 'uncontrolled',
    initialValues: employerValues(),
    validate: (v) => employerBody(v).errors,
  })
  const create = useMutation({
    mutationFn: (v: EmployerValues) => employersApi.create(employerBody(v).body),
    onSuccess: async (e) => {
      await refreshEmployers(client)
      await navigate({ to: '/emploi/entreprises/$id', params: { id: e.id } })
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <Page title="Nouvelle entreprise">
      <AnchorLink to="/emploi/entreprises">Retour aux entreprises</AnchorLink>
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate aria-label="Nouvelle entreprise">
        <Stack gap="md" maw={860}>
          <FormError error={create.error} title="Création impossible" />
          <EmployerFields form={form} />
          <FormActions
            saving={create.isPending}
            submitLabel="Créer l’entreprise"
            onCancel={() => void navigate({ to: '/emploi/entreprises' })}
          />
        </Stack>
      </form>
    </Page>
  )
}
