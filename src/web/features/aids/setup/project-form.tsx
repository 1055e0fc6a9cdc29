import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { projectForms, projectNatures, projectSectors } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import type { Project } from '../../../../shared/aids/projects.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate } from '../../../components/format.ts'
import { PersonPicker, type PickedPerson } from '../../agenda/person-picker.tsx'
import { refreshAids } from '../aids.api.ts'
import { setupApi } from '../setup.api.ts'
import { eurosForInput, type ProjectValues, projectBody, serverErrors } from './setup.bodies.ts'

const options = (list: { codes: readonly string[]; labels: Record<string, string> }) =>
  list.codes.map((value) => ({ value, label: list.labels[value] ?? value }))

/** Create (project absent) or change a project not decided yet: its fund, title, form, nature, holders, amounts. */
export function ProjectFormModal({
  funds,
  project,
  onClose,
}: {
  funds: Fund[]
  project?: Project
  onClose: () => void
}) {
  return (
    <AppModal
      opened
      onClose={onClose}
      title={project ? `Modifier le projet ${project.title}` : 'Nouveau projet'}
      size="lg"
    >
      <ProjectForm funds={funds} project={project} onDone={onClose} />
    </AppModal>
  )
}

function ProjectForm({ funds, project, onDone }: { funds: Fund[]; project?: Project; onDone: () => void }) {
  const client = useQueryClient()
  const [holders, setHolders] = useState<PickedPerson[]>(
    (project?.holders ?? []).map((h) => ({
      id: h.personId,
      label: `${h.lastName.toUpperCase()} ${h.firstName} (${formatDate(h.birthDate)})`,
    })),
  )
  const form = useForm<ProjectValues>({
    initialValues: {
      fundId: project?.fundId ?? null,
      title: project?.title ?? '',
      form: project?.form ?? 'individual',
      nature: project?.nature ?? null,
      sector: project?.sector ?? null,
      holderIds: holders.map((h) => h.id),
      budget: eurosForInput(project?.budgetCents),
      asked: eurosForInput(project?.askedCents),
    },
    validate: (v) => projectBody(v).errors,
  })
  const kept = { siteId: project?.siteId ?? null, followedBy: project?.followedBy ?? null }
  const save = useMutation({
    mutationFn: (v: ProjectValues) => {
      const { body } = projectBody(v, kept)
      return project
        ? setupApi.updateProject(project.id, { ...body, version: project.version })
        : setupApi.createProject(body)
    },
    onSuccess: async () => {
      await refreshAids(client)
      onDone()
    },
    onError: async (error) => {
      form.setErrors(serverErrors(error))
      if (isApiError(error) && error.status === 409) await refreshAids(client)
    },
  })
  const values = form.getValues()
  const fundOptions = funds.map((f) => ({ value: f.id, label: `${f.code} — ${f.name}` }))
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Enregistrement impossible" />
        <Select label="Fonds" required data={fundOptions} data-autofocus {...form.getInputProps('fundId')} />
        <TextInput label="Intitulé du projet" required maxLength={200} {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label="Forme"
            required
            data={options(projectForms)}
            allowDeselect={false}
            {...form.getInputProps('form')}
          />
          <Select label="Nature" required data={options(projectNatures)} {...form.getInputProps('nature')} />
          {values.nature === 'economic' && (
            <Select
              label="Secteur d’activité"
              required
              data={options(projectSectors)}
              {...form.getInputProps('sector')}
            />
          )}
        </SimpleGrid>
        <PersonPicker
          value={holders}
          max={values.form === 'individual' ? 1 : 50}
          error={form.errors.holderIds}
          onChange={(picked) => {
            setHolders(picked)
            form.setFieldValue(
              'holderIds',
              picked.map((p) => p.id),
            )
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Budget du projet (€)" inputMode="decimal" {...form.getInputProps('budget')} />
          <TextInput label="Montant demandé (€)" inputMode="decimal" {...form.getInputProps('asked')} />
        </SimpleGrid>
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
