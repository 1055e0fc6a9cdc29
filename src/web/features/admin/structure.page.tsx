import { Loader, Select, Stack, Text, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type StructureSettings,
  type StructureSettingsInput,
  structureSettingsInputSchema,
} from '../../../shared/admin/structure.schema.ts'
import { timeZoneNames } from '../../../shared/primitives.ts'
import { api, isApiError } from '../../api.ts'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatDateTime, setTimeZone } from '../../components/format.ts'
import { Page } from '../../components/page.tsx'
import { meQuery } from '../auth/auth.api.ts'

const url = '/api/admin/structure'
export const structureQuery = queryOptions({
  queryKey: ['admin', 'structure'],
  queryFn: () => api.get<StructureSettings>(url),
})

/** The structure's name and time zone: its "today" and the times of day every screen shows. */
export function StructurePage() {
  const structure = useQuery(structureQuery)
  return (
    <Page title="Structure">
      <Text>
        Le fuseau horaire fixe le jour de la structure : « aujourd’hui », les rendez-vous à venir, les heures affichées.
        Une Mission Locale d’outre-mer choisit le sien (America/Cayenne, Indian/Reunion…).
      </Text>
      <FormError error={structure.error} title="Chargement impossible" />
      {structure.data ? (
        <StructureForm key={structure.data.version} structure={structure.data} />
      ) : (
        !structure.error && <Loader aria-label="Chargement de la structure" />
      )}
    </Page>
  )
}

function StructureForm({ structure }: { structure: StructureSettings }) {
  const queryClient = useQueryClient()
  const form = useForm<{ name: string; timeZone: string }>({
    initialValues: { name: structure.name, timeZone: structure.timeZone },
    validate: (values) =>
      schemaResolver(structureSettingsInputSchema, { sync: true })({ ...values, version: structure.version }),
  })
  const save = useMutation({
    mutationFn: (body: StructureSettingsInput) => api.put<StructureSettings>(url, body),
    onSuccess: async (saved) => {
      setTimeZone(saved.timeZone)
      queryClient.setQueryData(structureQuery.queryKey, saved)
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey })
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      if (isApiError(error) && error.code === 'version_conflict')
        await queryClient.invalidateQueries({ queryKey: structureQuery.queryKey })
    },
  })
  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate({ ...values, version: structure.version }))}>
      <Stack gap="md" maw={560}>
        <FormError error={save.error} title="Enregistrement impossible" />
        {save.isSuccess && <Text c="green.8">Enregistré.</Text>}
        <TextInput label="Nom de la structure" required {...form.getInputProps('name')} />
        <Select
          label="Fuseau horaire"
          description={`Heure de la structure en ce moment : ${formatDateTime(new Date())}`}
          required
          searchable
          allowDeselect={false}
          data={[...timeZoneNames()]}
          nothingFoundMessage="Aucun fuseau de ce nom"
          {...form.getInputProps('timeZone')}
        />
        <FormActions saving={save.isPending} />
      </Stack>
    </form>
  )
}
