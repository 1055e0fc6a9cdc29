import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { followUpInput } from '../../../../shared/employment/offers.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { followUpOutcomeOptions, milestoneText, personName } from '../employment.labels.ts'
import { offersApi, refreshEmployment } from './offers.api.ts'

// Recording a follow-up of a hire (docs/employment/screens.md « Suivis »): the day it was done, what was found (still in
// post, contract ended, changed job, unreachable) and a note.

interface Values {
  doneOn: string
  outcome: string | null
  note: string
}
const bodyOf = (v: Values, version: number) => ({
  doneOn: v.doneOn,
  outcome: v.outcome ?? '',
  note: v.note.trim() || null,
  version,
})

export function RecordFollowUpButton({
  followUp,
  person,
}: {
  followUp: { id: string; milestoneMonths: number; version: number }
  person: { firstName: string; lastName: string }
}) {
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const who = personName(person)
  const title = `${milestoneText(followUp.milestoneMonths)} de ${who}`
  const form = useForm<Values>({
    initialValues: { doneOn: today(), outcome: null, note: '' },
    validate: (v) => bodyErrors(followUpInput, bodyOf(v, followUp.version)),
  })
  const save = useMutation({
    mutationFn: (v: Values) => offersApi.recordFollowUp(followUp.id, followUpInput.parse(bodyOf(v, followUp.version))),
    onSuccess: () => setOpen(false),
    onError: (error) => {
      if (isApiError(error)) form.setErrors(error.fieldErrors())
    },
    onSettled: () => refreshEmployment(client),
  })
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)} aria-label={`Noter le suivi : ${title}`}>
        Noter le suivi
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={title}>
        <form noValidate aria-label={title} onSubmit={form.onSubmit((v) => save.mutate(v))}>
          <Stack gap="sm">
            <FormError
              error={isApiError(save.error) && save.error.fields.length > 0 ? null : save.error}
              title="Enregistrement impossible"
            />
            <Group grow align="flex-start">
              <TextInput type="date" label="Fait le" required {...form.getInputProps('doneOn')} />
              <Select label="Résultat" required data={followUpOutcomeOptions} {...form.getInputProps('outcome')} />
            </Group>
            <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
            <FormActions saving={save.isPending} submitLabel="Enregistrer le suivi" onCancel={() => setOpen(false)} />
          </Stack>
        </form>
      </AppModal>
    </>
  )
}
