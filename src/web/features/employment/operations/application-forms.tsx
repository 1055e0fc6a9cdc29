import { Button, Group, Radio, Select, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Application, Operation } from '../../../../shared/employment/operations.schema.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import type { Commune } from '../../admin/admin.api.ts'
import { PersonPicker, type PickedPerson } from '../../agenda/person-picker.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { CommunePicker } from '../../persons/pickers.tsx'
import { contractKindOptions } from '../employment.labels.ts'
import { operationsApi, refreshOperations } from './operations.api.ts'
import { outcomeOptions, sourceOptions } from './operations.labels.ts'

// The application's dialogs (docs/employment/operations.md): a new application — a person of the files, or (the
// officer) an outside applicant with a name and a commune — and one step of an application.

export function AddApplication({ operation, outsiders }: { operation: Operation; outsiders: boolean }) {
  const client = useQueryClient()
  const [open, setOpen] = useState(false)
  const [who, setWho] = useState<'person' | 'outside'>('person')
  const [person, setPerson] = useState<PickedPerson[]>([])
  const [lastName, setLastName] = useState('')
  const [firstName, setFirstName] = useState('')
  const [commune, setCommune] = useState<Commune | null>(null)
  const [source, setSource] = useState<string | null>('network')
  const [receivedOn, setReceivedOn] = useState<string | null>(today())
  const add = useMutation({
    mutationFn: () =>
      operationsApi.addApplication(operation.id, {
        personId: who === 'person' ? (person[0]?.id ?? null) : null,
        lastName: who === 'outside' ? lastName : null,
        firstName: who === 'outside' ? firstName : null,
        communeCode: who === 'outside' ? (commune?.code ?? null) : null,
        communeName: who === 'outside' ? (commune?.name ?? null) : null,
        source: (source ?? '') as 'network',
        receivedOn: receivedOn ?? '',
      }),
    onSuccess: () => {
      setOpen(false)
      setPerson([])
      setLastName('')
      setFirstName('')
      setCommune(null)
    },
    onSettled: () => refreshOperations(client),
  })
  const errors =
    add.error && 'fieldErrors' in add.error
      ? (add.error as { fieldErrors(): Record<string, string> }).fieldErrors()
      : {}
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        Ajouter une candidature
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title="Nouvelle candidature">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            add.mutate()
          }}
        >
          <Stack gap="sm">
            <FormError error={add.error} title="Enregistrement impossible" />
            {outsiders && (
              <Radio.Group label="Candidat" value={who} onChange={(v) => setWho(v as 'person' | 'outside')}>
                <Group mt={4}>
                  <Radio value="person" label="Une personne suivie" />
                  <Radio value="outside" label="Hors des dossiers" />
                </Group>
              </Radio.Group>
            )}
            {who === 'person' ? (
              <PersonPicker value={person} onChange={setPerson} max={1} error={errors.personId} />
            ) : (
              <>
                <TextInput
                  label="Nom"
                  required
                  value={lastName}
                  onChange={(e) => setLastName(e.currentTarget.value)}
                  error={errors.lastName}
                />
                <TextInput label="Prénom" value={firstName} onChange={(e) => setFirstName(e.currentTarget.value)} />
                <CommunePicker
                  label="Commune"
                  value={commune?.code ?? null}
                  onChange={setCommune}
                  error={errors.communeCode}
                />
              </>
            )}
            <Select
              label="Envoyée par"
              required
              data={sourceOptions}
              value={source}
              onChange={setSource}
              error={errors.source}
            />
            <DateField
              label="Reçue le"
              required
              value={receivedOn}
              onChange={setReceivedOn}
              error={errors.receivedOn}
            />
            <Group>
              <Button type="submit" loading={add.isPending}>
                Enregistrer
              </Button>
              <Button variant="default" onClick={() => setOpen(false)}>
                Annuler
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </>
  )
}

type Step = 'test' | 'interview' | 'outcome'

/** one step of an application: the test's result, the interview's date, the outcome (a hire of a person: its contract) */
export function StepDialog({ application, onClose }: { application: Application | null; onClose: () => void }) {
  const client = useQueryClient()
  const [step, setStep] = useState<Step>('interview')
  const [testResult, setTestResult] = useState<string | null>('passed')
  const [day, setDay] = useState<string | null>(today())
  const [outcome, setOutcome] = useState<string | null>('hired')
  const [contractKind, setContractKind] = useState<string | null>('cdd')
  const [months, setMonths] = useState('6')
  const a = application
  const save = useMutation({
    mutationFn: () => {
      if (!a) throw new Error('no application')
      const version = a.version
      if (step === 'test') return operationsApi.step(a.id, { step, testResult: testResult as 'passed', version })
      if (step === 'interview') return operationsApi.step(a.id, { step, interviewedOn: day ?? '', version })
      const hire = outcome === 'hired' && a.person !== null
      return operationsApi.step(a.id, {
        step,
        outcome: (outcome ?? '') as 'hired',
        version,
        ...(hire
          ? {
              contractKind: contractKind as 'cdd',
              startDate: day,
              durationMonths: contractKind === 'cdi' ? null : Number(months) || null,
            }
          : {}),
      })
    },
    onSuccess: onClose,
    onSettled: () => refreshOperations(client),
  })
  const hireOfPerson = step === 'outcome' && outcome === 'hired' && a?.person
  return (
    <AppModal opened={a !== null} onClose={onClose} title={a ? `Étape : ${a.lastName} ${a.firstName ?? ''}` : ''}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate()
        }}
      >
        <Stack gap="sm">
          <FormError error={save.error} title="Enregistrement impossible" />
          <Radio.Group label="Étape" value={step} onChange={(v) => setStep(v as Step)}>
            <Group mt={4}>
              <Radio value="test" label="Test" />
              <Radio value="interview" label="Entretien" />
              <Radio value="outcome" label="Issue" />
            </Group>
          </Radio.Group>
          {step === 'test' && (
            <Select
              label="Résultat du test"
              data={[
                { value: 'passed', label: 'Réussi' },
                { value: 'failed', label: 'Échoué' },
              ]}
              value={testResult}
              onChange={setTestResult}
              allowDeselect={false}
            />
          )}
          {step === 'interview' && <DateField label="Date de l’entretien" required value={day} onChange={setDay} />}
          {step === 'outcome' && (
            <Select label="Issue" data={outcomeOptions} value={outcome} onChange={setOutcome} allowDeselect={false} />
          )}
          {hireOfPerson && (
            <>
              <Select
                label="Contrat"
                data={contractKindOptions}
                value={contractKind}
                onChange={setContractKind}
                allowDeselect={false}
              />
              <DateField label="Date d’embauche" required value={day} onChange={setDay} />
              {contractKind !== 'cdi' && (
                <TextInput
                  label="Durée (mois)"
                  inputMode="numeric"
                  value={months}
                  onChange={(e) => setMonths(e.currentTarget.value)}
                />
              )}
            </>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Enregistrer
            </Button>
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  )
}
