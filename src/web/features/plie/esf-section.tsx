import { Button, Group, List, Radio, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { useForm } from '@mantine/form'
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../shared/auth/roles.ts'
import { type EsfAnswers, esfAnswersInputSchema } from '../../../shared/plie/esf.schema.ts'
import type { Pathway } from '../../../shared/plie/pathways.schema.ts'
import { type EsfMoment, esfQuestionCodes, esfQuestions } from '../../../shared/plie/plie.nomenclature.ts'
import { api } from '../../api.ts'
import { AppModal } from '../../components/app-modal.tsx'
import { bodyErrors } from '../../components/body-errors.ts'
import { FormActions } from '../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../components/form-error.tsx'
import { formatDate, today } from '../../components/format.ts'
import { useMe } from '../auth/auth.api.ts'
import { DateField } from '../persons/date-field.tsx'
import {
  type EsfValues,
  esfBody,
  esfInitialValues,
  esfMomentLabel,
  esfMomentsDue,
  esfQuestionsOf,
  recordedOf,
} from './esf.bodies.ts'
import { refreshPlie } from './plie.api.ts'

// « Données FSE+ » of a pathway in the person file's « PLIE » tab (docs/plie.md « The ESF+ answers »): per moment
// asked (entry; exit once exited; six months once passed), the recorded answers (in the questions' order) and their
// day, and the form.

const esfUrl = (enrolmentId: string) => `/api/plie/pathways/${encodeURIComponent(enrolmentId)}/esf`
const esfQuery = (enrolmentId: string) =>
  queryOptions({
    queryKey: ['plie', 'esf', enrolmentId],
    queryFn: ({ signal }) => api.get<EsfAnswers>(esfUrl(enrolmentId), undefined, signal),
  })

const answerLabel = (question: string, answer: string) =>
  (esfQuestions[question as keyof typeof esfQuestions]?.answers as Record<string, string> | undefined)?.[answer] ??
  answer
const questionLabel = (question: string) => esfQuestions[question as keyof typeof esfQuestions]?.label ?? question

export function EsfSection({ pathway, canWrite }: { pathway: Pathway; canWrite: boolean }) {
  const me = useMe()
  const readable = can(me.role, 'pliePathways')
  const answers = useQuery({ ...esfQuery(pathway.enrolmentId), enabled: readable })
  const [editing, setEditing] = useState<EsfMoment | null>(null)
  if (!readable) return null
  const recorded = answers.data?.answers ?? []
  const titleId = `fse-${pathway.enrolmentId}`
  return (
    <section aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId}>
        Données FSE+
      </Title>
      <FormError error={answers.error} title="Réponses FSE+ non chargées" />
      <Stack gap="xs" mt="xs">
        {esfMomentsDue(pathway.exit?.date ?? null, today()).map((moment) => {
          const r = recordedOf(recorded, moment)
          const order = esfQuestionCodes as readonly string[]
          const rows = recorded
            .filter((a) => a.moment === moment)
            .sort((a, b) => order.indexOf(a.question) - order.indexOf(b.question))
          return (
            <div key={moment}>
              <Group justify="space-between">
                <Text fw={500}>
                  {esfMomentLabel(moment)}
                  {r.answeredOn ? ` — réponses du ${formatDate(r.answeredOn)}` : ' — aucune réponse'}
                </Text>
                {canWrite && (
                  <Button size="xs" variant="default" onClick={() => setEditing(moment)}>
                    {rows.length ? 'Modifier les réponses' : 'Saisir les réponses'}
                    <VisuallyHidden> {esfMomentLabel(moment).toLowerCase()}</VisuallyHidden>
                  </Button>
                )}
              </Group>
              {rows.length > 0 && (
                <List size="sm" aria-label={`Réponses FSE+ ${esfMomentLabel(moment).toLowerCase()}`}>
                  {rows.map((a) => (
                    <List.Item key={a.question}>
                      {questionLabel(a.question)} : <strong>{answerLabel(a.question, a.answer)}</strong>
                      {a.answeredOn !== r.answeredOn ? ` (le ${formatDate(a.answeredOn)})` : ''}
                    </List.Item>
                  ))}
                </List>
              )}
            </div>
          )
        })}
      </Stack>
      {editing && (
        <EsfModal
          enrolmentId={pathway.enrolmentId}
          moment={editing}
          recorded={recorded}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  )
}

/** The questions of one moment as radio groups, and the day the participant answered. */
function EsfModal({
  enrolmentId,
  moment,
  recorded,
  onClose,
}: {
  enrolmentId: string
  moment: EsfMoment
  recorded: EsfAnswers['answers']
  onClose: () => void
}) {
  const client = useQueryClient()
  const form = useForm<EsfValues>({
    initialValues: esfInitialValues(moment, recorded, today()),
    validate: (v) => bodyErrors(esfAnswersInputSchema, esfBody(moment, v)),
  })
  const save = useMutation({
    mutationFn: (v: EsfValues) => api.post<EsfAnswers>(esfUrl(enrolmentId), esfBody(moment, v)),
    onSuccess: async () => {
      await refreshPlie(client)
      onClose()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  return (
    <AppModal opened onClose={onClose} title={`Données FSE+ — ${esfMomentLabel(moment).toLowerCase()}`} size="lg">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack gap="sm">
          <FormError error={save.error} title="Réponses non enregistrées" />
          <DateField label="Date des réponses" required maxDate={today()} {...form.getInputProps('answeredOn')} />
          {form.errors.answers && (
            <Text c="red" size="sm" role="alert">
              {form.errors.answers}
            </Text>
          )}
          {esfQuestionsOf(moment).map((q) => (
            <Radio.Group
              key={q.code}
              label={q.label}
              value={form.values.answers[q.code] ?? null}
              onChange={(v) => form.setFieldValue(`answers.${q.code}`, v)}
              error={form.errors[`answers.${q.code}`]}
            >
              <Group mt="xs">
                {q.options.map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <FormActions saving={save.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </AppModal>
  )
}
