import { Button, NumberInput, Radio, Select, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { z } from 'zod'
import {
  bodyAnswerInput,
  entryInput,
  exitInput,
  type Prescription,
} from '../../../../shared/training/prescriptions.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { attendanceOptions, exitKindOptions, outcomeOptions } from '../training.labels.ts'
import { portalApi, refreshPortal } from './portal.api.ts'

// The training body's three answers on a prescription (docs/training/screens.md): after the information session
// (attendance, tests, outcome), the entry, the exit. Each body is checked with the API's own schema before it leaves;
// the server's messages land next to their fields.

/** A form's sending: the schema's errors first, then the server's. */
function useSend(p: Prescription, schema: z.ZodType, send: (body: unknown) => Promise<Prescription>) {
  const client = useQueryClient()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const mutation = useMutation({
    mutationFn: send,
    onError: (error) => {
      if (isApiError(error)) setErrors(error.fieldErrors())
    },
    onSettled: () => refreshPortal(client),
  })
  const submit = (body: Record<string, unknown>) => {
    const found = bodyErrors(schema, { ...body, version: p.version })
    setErrors(found)
    if (Object.keys(found).length === 0) mutation.mutate(schema.parse({ ...body, version: p.version }))
  }
  return { errors, submit, mutation }
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim())

export function AnswerForm({ prescription: p }: { prescription: Prescription }) {
  const [attendance, setAttendance] = useState<string>(p.infoAttendance ?? '')
  const [tests, setTests] = useState(p.testResult ?? '')
  const [outcome, setOutcome] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const { errors, submit, mutation } = useSend(p, bodyAnswerInput, (b) => portalApi.answer(p.id, b))
  return (
    <section aria-labelledby="reponse-information">
      <Title order={2} size="h4" id="reponse-information" mb="xs">
        Réponse après l’information collective
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit({
            infoAttendance: attendance,
            testResult: blank(tests),
            outcome: outcome ?? '',
            outcomeReason: blank(reason),
          })
        }}
      >
        <Stack gap="sm" maw={560}>
          <FormError error={mutation.error} title="Réponse impossible" />
          <Radio.Group
            label="Présence à l’information collective"
            required
            value={attendance}
            onChange={setAttendance}
            error={errors.infoAttendance}
            name="infoAttendance"
          >
            <Stack gap={4} mt={4}>
              {attendanceOptions.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label="Résultat des tests de positionnement"
            autosize
            maxLength={2000}
            value={tests}
            onChange={(e) => setTests(e.currentTarget.value)}
            error={errors.testResult}
          />
          <Select
            label="Résultat"
            required
            allowDeselect={false}
            data={outcomeOptions.map((o) => ({ value: o.value, label: outcomeLabel(o.value) }))}
            value={outcome}
            onChange={setOutcome}
            error={errors.outcome}
          />
          <Textarea
            label={outcome === 'waiting_list' ? 'Rang et remarque' : 'Motif'}
            description={outcome === 'not_accepted' ? 'Obligatoire quand la personne n’est pas retenue' : undefined}
            required={outcome === 'not_accepted'}
            autosize
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.outcomeReason}
          />
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            Enregistrer la réponse
          </Button>
        </Stack>
      </form>
    </section>
  )
}

/** « Retenu(e) », « En liste complémentaire », « Non retenu(e) »: the person is a man or a woman */
export const outcomeLabel = (code: string) =>
  code === 'accepted' ? 'Retenu(e)' : code === 'waiting_list' ? 'En liste complémentaire' : 'Non retenu(e)'

export function EntryForm({ prescription: p }: { prescription: Prescription }) {
  const [date, setDate] = useState([p.session.startsOn, today()].sort()[0]!)
  const { errors, submit, mutation } = useSend(p, entryInput, (b) => portalApi.entry(p.id, b))
  return (
    <section aria-labelledby="reponse-entree">
      <Title order={2} size="h4" id="reponse-entree" mb="xs">
        Entrée en formation
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit({ entryDate: date })
        }}
      >
        <Stack gap="sm" maw={360}>
          <FormError error={mutation.error} title="Entrée impossible" />
          <TextInput
            type="date"
            label="Date d’entrée"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.entryDate}
          />
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            Enregistrer l’entrée
          </Button>
        </Stack>
      </form>
    </section>
  )
}

export function ExitForm({ prescription: p }: { prescription: Prescription }) {
  const [date, setDate] = useState(today())
  const [kind, setKind] = useState<string | null>(null)
  const [qualification, setQualification] = useState<string>('')
  const [hours, setHours] = useState<string | number>('')
  const [note, setNote] = useState('')
  const { errors, submit, mutation } = useSend(p, exitInput, (b) => portalApi.exit(p.id, b))
  return (
    <section aria-labelledby="reponse-sortie">
      <Title order={2} size="h4" id="reponse-sortie" mb="xs">
        Sortie de formation
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit({
            exitDate: date,
            exitKind: kind ?? '',
            qualificationObtained: qualification === '' ? null : qualification === 'yes',
            hoursAttended: hours === '' ? null : Number(hours),
            resultNote: blank(note),
          })
        }}
      >
        <Stack gap="sm" maw={560}>
          <FormError error={mutation.error} title="Sortie impossible" />
          <TextInput
            type="date"
            label="Date de sortie"
            required
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={errors.exitDate}
          />
          <Select
            label="Motif de sortie"
            required
            allowDeselect={false}
            data={exitKindOptions}
            value={kind}
            onChange={setKind}
            error={errors.exitKind}
          />
          <Radio.Group
            label="Qualification obtenue"
            value={qualification}
            onChange={setQualification}
            error={errors.qualificationObtained}
            name="qualificationObtained"
          >
            <Stack gap={4} mt={4}>
              <Radio value="yes" label="Oui" />
              <Radio value="no" label="Non" />
              <Radio value="" label="Pas de qualification visée ou pas encore connue" />
            </Stack>
          </Radio.Group>
          <NumberInput
            label="Heures suivies"
            min={0}
            max={10_000}
            allowDecimal={false}
            thousandSeparator=" "
            value={hours}
            onChange={setHours}
            error={errors.hoursAttended}
          />
          <Textarea
            label="Remarque sur le résultat"
            autosize
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.resultNote}
          />
          <Button type="submit" loading={mutation.isPending} w="fit-content">
            Enregistrer la sortie
          </Button>
        </Stack>
      </form>
    </section>
  )
}
