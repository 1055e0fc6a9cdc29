import { Button, Checkbox, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { z } from 'zod'
import {
  jobProjectInput,
  type jobProjectSchema,
  jobProjectUpdateInput,
} from '../../../../shared/employment/offers.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { romeOptions, romeTitle } from '../employment.labels.ts'
import { offersApi, refreshEmployment } from './offers.api.ts'

// A person's job project (docs/employment/screens.md « L’onglet Emploi »): the ROME fiche that matching reads, how far
// the person can travel and from when; an edit may set it aside (inactive) without deleting it.

type Project = z.infer<typeof jobProjectSchema>
interface Values {
  romeCode: string | null
  label: string
  maxDistanceKm: number | string
  availableFrom: string
  active: boolean
}
const bodyOf = (v: Values) => ({
  romeCode: v.romeCode ?? '',
  label: v.label.trim() || null,
  maxDistanceKm: v.maxDistanceKm === '' ? null : Number(v.maxDistanceKm),
  availableFrom: v.availableFrom || null,
})

export function ProjectButton({ personId, project }: { personId: string; project?: Project }) {
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const initial: Values = {
    romeCode: project?.romeCode ?? null,
    label: project?.label ?? '',
    maxDistanceKm: project?.maxDistanceKm ?? '',
    availableFrom: project?.availableFrom ?? '',
    active: project?.active ?? true,
  }
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) =>
      project
        ? bodyErrors(jobProjectUpdateInput, { ...bodyOf(v), active: v.active, version: project.version })
        : bodyErrors(jobProjectInput, bodyOf(v)),
  })
  const save = useMutation({
    mutationFn: (v: Values) =>
      project
        ? offersApi.updateProject(
            project.id,
            jobProjectUpdateInput.parse({ ...bodyOf(v), active: v.active, version: project.version }),
          )
        : offersApi.addProject(personId, jobProjectInput.parse(bodyOf(v))),
    onSuccess: () => setOpen(false),
    onError: (error) => {
      if (isApiError(error)) form.setErrors(error.fieldErrors())
    },
    onSettled: () => refreshEmployment(client),
  })
  const title = project ? `Modifier le projet ${romeTitle(project.romeCode)}` : 'Ajouter un projet professionnel'
  return (
    <>
      <Button
        size={project ? 'xs' : 'sm'}
        variant={project ? 'subtle' : 'light'}
        w="fit-content"
        aria-label={title}
        onClick={() => {
          form.setValues(initial)
          form.clearErrors()
          save.reset()
          setOpen(true)
        }}
      >
        {project ? 'Modifier' : 'Ajouter un projet professionnel'}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={title} size="lg">
        <form noValidate aria-label={title} onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Stack gap="sm">
            <FormError
              error={isApiError(save.error) && save.error.fields.length > 0 ? null : save.error}
              title="Enregistrement impossible"
            />
            <Select
              label="Métier visé (code ROME)"
              description="Tapez un mot du métier ou le code"
              required
              searchable
              limit={50}
              data={romeOptions}
              nothingFoundMessage="Aucun métier"
              {...form.getInputProps('romeCode')}
            />
            <TextInput label="Précision (poste visé)" maxLength={200} {...form.getInputProps('label')} />
            <SimpleGrid cols={2}>
              <NumberInput
                label="Distance maximale (km)"
                min={0}
                max={1000}
                allowDecimal={false}
                {...form.getInputProps('maxDistanceKm')}
              />
              <TextInput type="date" label="Disponible à partir du" {...form.getInputProps('availableFrom')} />
            </SimpleGrid>
            {project && <Checkbox label="Projet actif" {...form.getInputProps('active', { type: 'checkbox' })} />}
            <FormActions saving={save.isPending} submitLabel="Enregistrer le projet" onCancel={() => setOpen(false)} />
          </Stack>
        </form>
      </AppModal>
    </>
  )
}
