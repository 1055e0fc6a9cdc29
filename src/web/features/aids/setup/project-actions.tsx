import { Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { projectDecisions } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Project } from '../../../../shared/aids/projects.schema.ts'
import { projectOutcomes } from '../../../../shared/aids/projects.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatEuros, today } from '../../../components/format.ts'
import { DateField } from '../../persons/date-field.tsx'
import { refreshAids } from '../aids.api.ts'
import { commissionsQuery, setupApi } from '../setup.api.ts'
import {
  type OutcomeValues,
  outcomeBody,
  type ProjectDecisionValues,
  projectDecisionBody,
  serverErrors,
} from './setup.bodies.ts'

export type ProjectStep = 'present' | 'decide' | 'outcome'
const titles: Record<ProjectStep, string> = {
  present: 'Présenter au comité',
  decide: 'Décision du comité',
  outcome: 'Suite du projet',
}
const choices = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => <Radio key={value} value={value} label={label} />)
const decisionLabels = Object.fromEntries(projectDecisions.codes.map((c) => [c, projectDecisions.labels[c]]))

/** A project's next step in a modal: presented to a committee, its decision, then completed or abandoned. */
export function ProjectStepModal({
  project,
  step,
  onClose,
}: {
  project: Project
  step: ProjectStep
  onClose: () => void
}) {
  return (
    <AppModal opened onClose={onClose} title={`${titles[step]} — ${project.title}`}>
      {step === 'present' && <PresentForm project={project} onDone={onClose} />}
      {step === 'decide' && <DecideForm project={project} onDone={onClose} />}
      {step === 'outcome' && <OutcomeForm project={project} onDone={onClose} />}
    </AppModal>
  )
}

function useStep<T>(
  send: (v: T) => Promise<unknown>,
  onDone: () => void,
  setErrors: (e: Record<string, string>) => void,
) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await refreshAids(client)
      onDone()
    },
    onError: async (error) => {
      setErrors(serverErrors(error))
      if (isApiError(error) && error.status === 409) await refreshAids(client)
    },
  })
}

function PresentForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const commissions = useQuery(commissionsQuery({ fundId: project.fundId }))
  const form = useForm<{ commissionId: string | null; presentedOn: string | null }>({
    initialValues: { commissionId: null, presentedOn: null },
    validate: (v) =>
      v.commissionId || v.presentedOn ? {} : { presentedOn: 'Indiquez la commission ou la date de présentation.' },
  })
  const save = useStep(
    (v: { commissionId: string | null; presentedOn: string | null }) =>
      setupApi.present(project.id, {
        version: project.version,
        commissionId: v.commissionId,
        presentedOn: v.commissionId ? null : v.presentedOn,
      }),
    onDone,
    form.setErrors,
  )
  const planned = (commissions.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `Comité du ${formatDate(c.date)}${c.status === 'held' ? ' (tenu)' : ''}`,
  }))
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Présentation non enregistrée" />
        <Select
          label="Comité du fonds"
          placeholder={planned.length === 0 ? 'Aucun comité enregistré' : 'Choisissez'}
          clearable
          data={planned}
          {...form.getInputProps('commissionId')}
        />
        <DateField label="Ou présenté le" maxDate={today()} {...form.getInputProps('presentedOn')} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}

function DecideForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const form = useForm<ProjectDecisionValues>({
    initialValues: { decision: null, decidedOn: today(), granted: '' },
    validate: (v) => projectDecisionBody(v, project.version).errors,
  })
  const save = useStep(
    (v: ProjectDecisionValues) => setupApi.decideProject(project.id, projectDecisionBody(v, project.version).body),
    onDone,
    form.setErrors,
  )
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Décision non enregistrée" />
        <Radio.Group label="Décision" required {...form.getInputProps('decision')}>
          <Group mt={4}>{choices(decisionLabels)}</Group>
        </Radio.Group>
        <DateField label="Décidé le" required maxDate={today()} {...form.getInputProps('decidedOn')} />
        {form.getValues().decision === 'funded' && (
          <TextInput
            label="Montant accordé (€)"
            description={
              project.askedCents !== null ? `Au plus ${formatEuros(project.askedCents)} demandés` : undefined
            }
            required
            inputMode="decimal"
            {...form.getInputProps('granted')}
          />
        )}
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}

function OutcomeForm({ project, onDone }: { project: Project; onDone: () => void }) {
  const form = useForm<OutcomeValues>({
    initialValues: { outcome: project.status === 'funded' ? 'completed' : 'abandoned', followUp: '', jobsCreated: '' },
    validate: (v) => outcomeBody(v, project.version).errors,
  })
  const save = useStep(
    (v: OutcomeValues) => setupApi.outcome(project.id, outcomeBody(v, project.version).body),
    onDone,
    form.setErrors,
  )
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Suite non enregistrée" />
        <Radio.Group label="Issue" required {...form.getInputProps('outcome')}>
          <Group mt={4}>{choices(projectOutcomes)}</Group>
        </Radio.Group>
        <Textarea label="Suivi" autosize minRows={2} maxLength={4000} {...form.getInputProps('followUp')} />
        {form.getValues().outcome === 'completed' && (
          <TextInput label="Emplois créés" inputMode="numeric" {...form.getInputProps('jobsCreated')} />
        )}
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
