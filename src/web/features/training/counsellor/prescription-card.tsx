import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { ARGUMENT_MAX, type Prescription, resubmitInput } from '../../../../shared/training/prescriptions.schema.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime } from '../../../components/format.ts'
import {
  attendanceLabel,
  exitKindLabel,
  infoSessionText,
  placesText,
  prescriptionStatusColor,
  prescriptionStatusLabel,
  sessionDates,
  yesNo,
} from '../training.labels.ts'
import { convocationUrl, prescriptionsApi, refreshTraining } from './prescriptions.api.ts'

const CONVENED = ['validated', 'accepted', 'waiting_list', 'not_accepted', 'entered', 'exited']
const CANCELLABLE = ['submitted', 'more_info', 'validated', 'waiting_list', 'accepted']

/** The last answer someone gave, in a sentence: the department's note, the body's outcome, the entry, the exit. */
export function lastAnswer(p: Prescription): string | null {
  if (p.status === 'exited')
    return `Sortie le ${formatDate(p.exitDate!)} (${exitKindLabel(p.exitKind)}), qualification obtenue : ${yesNo(p.qualificationObtained)}`
  if (p.status === 'entered') return `Entrée le ${formatDate(p.entryDate!)}`
  if (p.answeredAt)
    return [
      `Information collective : ${attendanceLabel(p.infoAttendance)}`,
      p.testResult && `tests : ${p.testResult}`,
      p.outcomeReason,
    ]
      .filter(Boolean)
      .join(' · ')
  return p.departmentNote
}

/**
 * One prescription in the person file: the action, the body, the session's dates, the status badge, the due day and the
 * last answer, its history, the convocation once validated; « Compléter » when the department asked for more,
 * « Annuler » before the entry (the counsellor's actions, `actions` false elsewhere).
 */
export function PrescriptionCard({ prescription: p, actions }: { prescription: Prescription; actions?: ReactNode }) {
  const s = p.session
  const answer = lastAnswer(p)
  return (
    <Card withBorder component="article" aria-label={`Prescription ${s.actionTitle} du ${formatDate(p.filedAt)}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{s.actionTitle}</Text>
          <Badge color={prescriptionStatusColor(p.status)} variant="light" styles={{ label: { overflow: 'visible' } }}>
            {prescriptionStatusLabel(p.status)}
          </Badge>
        </Group>
        <Text size="sm">
          {s.bodyName} · session {sessionDates(s)} · {placesText(s)}
        </Text>
        <Text size="sm">
          Prescrite le {formatDate(p.filedAt)}
          {p.prescriberName && ` par ${p.prescriberName}`}
          {p.answerDueOn &&
            ['submitted', 'validated', 'waiting_list'].includes(p.status) &&
            ` · réponse attendue le ${formatDate(p.answerDueOn)}`}
        </Text>
        {CONVENED.includes(p.status) && (
          <Text size="sm">
            Information collective : {infoSessionText(s)} ·{' '}
            <Anchor href={convocationUrl(p.id)} target="_blank" rel="noopener">
              Convocation (PDF)
            </Anchor>
          </Text>
        )}
        {answer && (
          <Text size="sm">
            <strong>Dernière réponse :</strong> {answer}
          </Text>
        )}
        <details>
          <summary>
            <Text span size="sm">
              Historique ({p.events.length})
            </Text>
          </summary>
          <List size="sm" mt={4}>
            {p.events.map((e) => (
              <List.Item key={`${e.at}-${e.toStatus}`}>
                {formatDateTime(e.at)} — {prescriptionStatusLabel(e.toStatus)}
                {e.actorName && ` (${e.actorName})`}
                {e.note && ` : ${e.note}`}
              </List.Item>
            ))}
          </List>
        </details>
        {actions}
      </Stack>
    </Card>
  )
}

/** The counsellor's actions on one prescription: complete it when asked, cancel it before the entry. */
export function CounsellorActions({ prescription: p }: { prescription: Prescription }) {
  const client = useQueryClient()
  const [mode, setMode] = useState<'none' | 'complete' | 'cancel'>('none')
  const [text, setText] = useState(p.argument)
  const [error, setError] = useState<string | undefined>()
  const resubmit = useMutation({
    mutationFn: () => prescriptionsApi.resubmit(p.id, text, p.version),
    onSuccess: () => setMode('none'),
    onSettled: () => refreshTraining(client),
  })
  const cancel = useMutation({
    mutationFn: () => prescriptionsApi.cancel(p.id, text.trim() || null, p.version),
    onSuccess: () => setMode('none'),
    onSettled: () => refreshTraining(client),
  })
  if (!CANCELLABLE.includes(p.status)) return null
  return (
    <Stack gap="xs">
      <FormError error={resubmit.error ?? cancel.error} title="Action impossible" />
      {mode === 'none' && (
        <Group gap="xs">
          {p.status === 'more_info' && (
            <Button
              size="xs"
              onClick={() => {
                setText(p.argument)
                setMode('complete')
              }}
            >
              Compléter
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => {
              setText('')
              setMode('cancel')
            }}
          >
            Annuler la prescription
          </Button>
        </Group>
      )}
      {mode === 'complete' && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            const found = bodyErrors(resubmitInput, { argument: text, version: p.version })
            setError(found.argument)
            if (!found.argument) resubmit.mutate()
          }}
        >
          <Stack gap="xs">
            <Textarea
              label="Argumentaire complété"
              description={p.departmentNote ? `Demande du département : ${p.departmentNote}` : undefined}
              autosize
              minRows={3}
              maxLength={ARGUMENT_MAX}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={error}
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={resubmit.isPending}>
                Renvoyer au département
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setMode('none')}>
                Fermer
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {mode === 'cancel' && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            cancel.mutate()
          }}
        >
          <Stack gap="xs">
            <Textarea
              label="Motif de l’annulation (facultatif)"
              autosize
              maxLength={500}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group gap="xs">
              <Button type="submit" size="xs" color="red" loading={cancel.isPending}>
                Confirmer l’annulation
              </Button>
              <Button size="xs" variant="subtle" onClick={() => setMode('none')}>
                Garder la prescription
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  )
}
