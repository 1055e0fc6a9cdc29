import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  type ClauseLot,
  clauseContractInput,
  clauseLotUpdate,
  clauseParticipantInput,
} from '../../../../shared/employment/clauses.schema.ts'
import { clauseCriteria } from '../../../../shared/employment/employment.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { PersonPicker, type PickedPerson } from '../../agenda/person-picker.tsx'
import { contractKindOptions } from '../employment.labels.ts'
import { EmployerPicker } from '../offers/employer-picker.tsx'
import { clausesApi, refreshClauses } from './clauses.api.ts'

// The facilitator's records on an operation's page (docs/employment/clauses.md « Screens »): a participant (a person
// she may see, the eligibility criterion she checked), a contract signed with the company of a lot, and the company a
// lot was awarded to. Each form checks its body with the API's own schema first (bodyErrors), then shows the API's.

const criterionOptions = clauseCriteria.codes.map((value) => ({ value, label: clauseCriteria.labels[value] ?? value }))
const formError = (error: unknown) => (isApiError(error) && error.fields.length > 0 ? null : error)

function Dialog({ label, children }: { label: string; children: (close: () => void) => React.ReactNode }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {label}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={label}>
        {open && children(() => setOpen(false))}
      </AppModal>
    </>
  )
}

interface ParticipantValues {
  criterion: string | null
  validatedOn: string
}

function ParticipantForm({ onDone }: { onDone: (name: string) => void }) {
  const client = useQueryClient()
  const [person, setPerson] = useState<PickedPerson[]>([])
  const bodyOf = (v: ParticipantValues) => ({
    personId: person[0]?.id ?? '',
    criterion: v.criterion ?? '',
    validatedOn: v.validatedOn,
  })
  const form = useForm<ParticipantValues>({
    initialValues: { criterion: null, validatedOn: today() },
    validate: (v) => bodyErrors(clauseParticipantInput, bodyOf(v)),
  })
  const save = useMutation({
    mutationFn: (v: ParticipantValues) => clausesApi.addParticipant(bodyOf(v)),
    onSuccess: () => onDone(person[0]?.label ?? ''),
    onError: (error) => {
      if (isApiError(error)) form.setErrors(error.fieldErrors())
    },
    onSettled: () => refreshClauses(client),
  })
  return (
    <form noValidate aria-label="Nouveau participant" onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={formError(save.error)} title="Enregistrement impossible" />
        <PersonPicker value={person} onChange={setPerson} max={1} error={form.errors.personId} />
        <Select
          label="Critère d’éligibilité vérifié"
          required
          data={criterionOptions}
          {...form.getInputProps('criterion')}
        />
        <TextInput type="date" label="Éligibilité vérifiée le" required {...form.getInputProps('validatedOn')} />
        <FormActions saving={save.isPending} submitLabel="Enregistrer le participant" />
      </Stack>
    </form>
  )
}

/** « Ajouter un participant »: the person and the criterion; the answer says who was recorded. */
export function AddParticipant() {
  const [done, setDone] = useState<string | null>(null)
  return (
    <Group>
      <Dialog label="Ajouter un participant">
        {(close) => (
          <ParticipantForm
            onDone={(name) => {
              setDone(name)
              close()
            }}
          />
        )}
      </Dialog>
      {done && (
        <Alert color="green" variant="light" role="status" py={6}>
          Participant enregistré : {done}.
        </Alert>
      )}
    </Group>
  )
}

interface ContractValues {
  lotId: string | null
  contractKind: string | null
  startsOn: string
  durationMonths: number | string
}

function ContractForm({ lots, onDone }: { lots: ClauseLot[]; onDone: () => void }) {
  const client = useQueryClient()
  const [person, setPerson] = useState<PickedPerson[]>([])
  const bodyOf = (v: ContractValues) => ({
    lotId: v.lotId ?? '',
    personId: person[0]?.id ?? '',
    contractKind: v.contractKind ?? '',
    startsOn: v.startsOn,
    durationMonths: v.durationMonths === '' ? null : Number(v.durationMonths),
  })
  const form = useForm<ContractValues>({
    initialValues: {
      lotId: lots.length === 1 ? lots[0]!.id : null,
      contractKind: null,
      startsOn: today(),
      durationMonths: '',
    },
    validate: (v) => bodyErrors(clauseContractInput, bodyOf(v)),
  })
  const save = useMutation({
    mutationFn: (v: ContractValues) => clausesApi.addContract(bodyOf(v)),
    onSuccess: onDone,
    onError: (error) => {
      if (isApiError(error)) form.setErrors(error.fieldErrors())
    },
    onSettled: () => refreshClauses(client),
  })
  return (
    <form noValidate aria-label="Nouveau contrat" onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={formError(save.error)} title="Enregistrement impossible" />
        <Select
          label="Lot"
          required
          data={lots.map((l) => ({ value: l.id, label: l.employerName ? `${l.label} (${l.employerName})` : l.label }))}
          {...form.getInputProps('lotId')}
        />
        <PersonPicker value={person} onChange={setPerson} max={1} error={form.errors.personId} />
        <Select label="Type de contrat" required data={contractKindOptions} {...form.getInputProps('contractKind')} />
        <Group grow align="flex-start">
          <TextInput type="date" label="Début du contrat" required {...form.getInputProps('startsOn')} />
          <NumberInput
            label="Durée (mois)"
            min={0}
            max={120}
            allowDecimal={false}
            {...form.getInputProps('durationMonths')}
          />
        </Group>
        <FormActions saving={save.isPending} submitLabel="Enregistrer le contrat" />
      </Stack>
    </form>
  )
}

/** « Ajouter un contrat »: a participant's contract with the company of one of the operation's lots. */
export function AddContract({ lots }: { lots: ClauseLot[] }) {
  if (lots.length === 0) return null
  return <Dialog label="Ajouter un contrat">{(close) => <ContractForm lots={lots} onDone={close} />}</Dialog>
}

function LotCompanyForm({ lot, onDone }: { lot: ClauseLot; onDone: () => void }) {
  const client = useQueryClient()
  const [employerId, setEmployerId] = useState<string | null>(lot.employerId)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const body = () => ({ label: lot.label, employerId, requiredHours: lot.requiredHours, version: lot.version })
  const save = useMutation({
    mutationFn: () => clausesApi.changeLot(lot.id, body()),
    onSuccess: onDone,
    onError: (error) => {
      if (isApiError(error)) setErrors(error.fieldErrors())
    },
    onSettled: () => refreshClauses(client),
  })
  return (
    <form
      noValidate
      aria-label={`Entreprise attributaire : ${lot.label}`}
      onSubmit={(e) => {
        e.preventDefault()
        const found = bodyErrors(clauseLotUpdate, body())
        setErrors(found)
        if (Object.keys(found).length === 0) save.mutate()
      }}
    >
      <Stack gap="sm">
        <FormError error={formError(save.error)} title="Enregistrement impossible" />
        <EmployerPicker
          label="Entreprise attributaire"
          required={false}
          value={employerId}
          onChange={setEmployerId}
          initial={lot.employerId && lot.employerName ? { id: lot.employerId, name: lot.employerName } : null}
          error={errors.employerId ?? errors.version}
          clearable
        />
        <FormActions saving={save.isPending} submitLabel="Enregistrer l’entreprise" />
      </Stack>
    </form>
  )
}

/** A lot's row button: the company it was awarded to (empty: not yet awarded); the lot's version makes it safe. */
export function LotCompanyButton({ lot }: { lot: ClauseLot }) {
  const [open, setOpen] = useState(false)
  const title = `Entreprise attributaire : ${lot.label}`
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => setOpen(true)}
        aria-label={lot.employerId ? `Changer l’entreprise du lot ${lot.label}` : `Attribuer le lot ${lot.label}`}
      >
        {lot.employerId ? 'Changer' : 'Attribuer'}
      </Button>
      <AppModal opened={open} onClose={() => setOpen(false)} title={title}>
        {open && <LotCompanyForm lot={lot} onDone={() => setOpen(false)} />}
      </AppModal>
    </>
  )
}
