import { Group, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core'
import { schemaResolver, useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type Site, siteInputSchema } from '../../../shared/admin/admin.schema.ts'
import { isApiError } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { adminApi, type SiteInput, siteKindLabels, sitesQuery } from './admin.api.ts'
import { CommuneSelect } from './commune-select.tsx'

interface SiteValues {
  code: string
  name: string
  kind: Site['kind']
  address: string
  active: boolean
  communeCodes: string[]
}

const toInput = (v: SiteValues): SiteInput => ({ ...v, address: v.address.trim() === '' ? null : v.address })

/** Create (site absent) or edit a site, in a modal. */
export function SiteFormModal({ site, opened, onClose }: { site?: Site; opened: boolean; onClose: () => void }) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={site ? `Modifier le site ${site.name}` : 'Nouveau site'}
      size="lg"
    >
      {opened && <SiteForm site={site} onDone={onClose} />}
    </AppModal>
  )
}

function SiteForm({ site, onDone }: { site?: Site; onDone: () => void }) {
  const queryClient = useQueryClient()
  const form = useForm<SiteValues>({
    initialValues: {
      code: site?.code ?? '',
      name: site?.name ?? '',
      kind: site?.kind ?? 'antenna',
      address: site?.address ?? '',
      active: site?.active ?? true,
      communeCodes: site?.communes.map((c) => c.code) ?? [],
    },
    validate: (values) => schemaResolver(siteInputSchema, { sync: true })(toInput(values)),
  })
  const save = useMutation({
    mutationFn: (values: SiteValues) =>
      site
        ? adminApi.updateSite(site.id, { ...toInput(values), version: site.version })
        : adminApi.createSite(toInput(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sitesQuery.queryKey })
      onDone()
    },
    onError: async (error) => {
      applyFieldErrors(form, error)
      // the next opening then starts from what the other person saved
      if (isApiError(error) && error.code === 'version_conflict')
        await queryClient.invalidateQueries({ queryKey: sitesQuery.queryKey })
    },
  })

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack gap="md">
        <FormError error={save.error} title="Enregistrement impossible" />
        <Group grow align="flex-start">
          <TextInput label="Code" required data-autofocus {...form.getInputProps('code')} />
          <Select
            label="Type"
            required
            data={Object.entries(siteKindLabels).map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        </Group>
        <TextInput label="Nom" required {...form.getInputProps('name')} />
        <Textarea label="Adresse" autosize minRows={2} {...form.getInputProps('address')} />
        <CommuneSelect
          value={form.values.communeCodes}
          onChange={(codes) => form.setFieldValue('communeCodes', codes)}
          initial={site?.communes ?? []}
          error={form.errors.communeCodes}
        />
        <Switch label="Site actif" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
