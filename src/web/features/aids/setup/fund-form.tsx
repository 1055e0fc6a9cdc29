import { MultiSelect, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { programmeTypeLabels, programmeTypes } from '../../../../shared/admin/admin.schema.ts'
import {
  aidPurposes,
  aidTracks,
  decisionModes,
  fundKinds,
  paymentModes,
} from '../../../../shared/aids/aids.nomenclature.ts'
import type { Fund } from '../../../../shared/aids/funds.schema.ts'
import { isApiError } from '../../../api.ts'
import { AppModal } from '../../../components/app-modal.tsx'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { DateField } from '../../persons/date-field.tsx'
import { refreshAids } from '../aids.api.ts'
import { setupApi } from '../setup.api.ts'
import { type FundValues, fundBody, fundValues, serverErrors } from './setup.bodies.ts'

const options = (list: { codes: readonly string[]; labels: Record<string, string> }) =>
  list.codes.map((value) => ({ value, label: list.labels[value] ?? value }))
const programmeOptions = programmeTypes.map((value) => ({ value, label: programmeTypeLabels[value] }))

/** Create (fund absent) or change a fund, in a modal: a version read before someone else's save is refused (409). */
export function FundFormModal({ fund, opened, onClose }: { fund?: Fund; opened: boolean; onClose: () => void }) {
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={fund ? `Modifier le fonds ${fund.code}` : 'Nouveau fonds'}
      size="xl"
    >
      {opened && <FundForm fund={fund} onDone={onClose} />}
    </AppModal>
  )
}

function FundForm({ fund, onDone }: { fund?: Fund; onDone: () => void }) {
  const client = useQueryClient()
  const form = useForm<FundValues>({ initialValues: fundValues(fund), validate: (v) => fundBody(v).errors })
  const save = useMutation({
    mutationFn: (v: FundValues) => {
      const { body } = fundBody(v)
      return fund ? setupApi.updateFund(fund.id, { ...body, version: fund.version }) : setupApi.createFund(body)
    },
    onSuccess: async () => {
      await refreshAids(client)
      onDone()
    },
    onError: async (error) => {
      form.setErrors(serverErrors(error))
      // someone else saved it meanwhile: the list shows their version, the message says to start again
      if (isApiError(error) && error.status === 409) await refreshAids(client)
    },
  })
  const input = (field: keyof FundValues) => form.getInputProps(field)
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="sm">
        <FormError error={save.error} title="Enregistrement impossible" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Code" description="FDAJ, FIPJ…" required maxLength={20} data-autofocus {...input('code')} />
          <TextInput label="Nom" required maxLength={200} {...input('name')} />
          <Select label="Nature du fonds" required data={options(fundKinds)} allowDeselect={false} {...input('kind')} />
          <TextInput label="Financeur" description="Département, État…" required maxLength={200} {...input('funder')} />
          <Select label="Décidé par" data={options(decisionModes)} allowDeselect={false} {...input('decidedBy')} />
          <MultiSelect label="Voies" required data={options(aidTracks)} {...input('tracks')} />
        </SimpleGrid>
        <MultiSelect label="Objets de l’aide" required data={options(aidPurposes)} searchable {...input('purposes')} />
        <MultiSelect label="Modes de paiement" required data={options(paymentModes)} {...input('paymentModes')} />
        <MultiSelect
          label="Programmes ouvrant droit"
          description="Vide : tous les jeunes"
          data={programmeOptions}
          {...input('programmeTypes')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Âge minimum" inputMode="numeric" {...input('minAge')} />
          <TextInput label="Âge maximum" inputMode="numeric" {...input('maxAge')} />
          <TextInput label="Plafond par demande (€)" inputMode="decimal" {...input('ceilingRequest')} />
          <TextInput label="Plafond par jeune et par an (€)" inputMode="decimal" {...input('ceilingPersonYear')} />
          <TextInput label="Plafond mensuel (€)" inputMode="decimal" {...input('ceilingMonth')} />
          <TextInput label="Montant forfaitaire (€)" inputMode="decimal" {...input('fixedAmount')} />
          <DateField label="Ouvert le" clearable {...input('opensOn')} />
          <DateField label="Clos le" clearable {...input('closesOn')} />
        </SimpleGrid>
        <TextInput
          label="Communes"
          description="Codes INSEE séparés par des virgules ; vide : toutes les communes"
          {...input('communes')}
        />
        <Textarea
          label="Pièces à fournir"
          description="Une pièce par ligne"
          autosize
          minRows={2}
          {...input('documents')}
        />
        <Switch label="Fonds actif" {...form.getInputProps('active', { type: 'checkbox' })} />
        <FormActions saving={save.isPending} onCancel={onDone} />
      </Stack>
    </form>
  )
}
