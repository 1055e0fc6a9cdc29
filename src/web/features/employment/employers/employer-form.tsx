import { Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useState } from 'react'
import { type EmployerInput, employerInput } from '../../../../shared/employment/employers.schema.ts'
import { workforceBands } from '../../../../shared/employment/employment.nomenclature.ts'
import { NAF } from '../../../../shared/employment/naf.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { employersApi, type SiretCheck } from './employers.api.ts'

// The company form (docs/employment/employers.md « Screens »): the SIRET first, checked when the field is left (key
// and the file that already bears it), then the SIRENE fields (the NAF code chosen in the official list, searchable)
// and the structure's own. Checked by the API's own schema before anything is sent.

export interface EmployerValues {
  siret: string
  name: string
  tradeName: string
  nafCode: string | null
  workforceBand: string | null
  legalForm: string
  address: string
  postcode: string
  communeCode: string
  communeName: string
  phone: string
  email: string
  note: string
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim())

export const employerValues = (e?: Partial<Record<keyof EmployerValues, string | null>>): EmployerValues => ({
  siret: e?.siret ?? '',
  name: e?.name ?? '',
  tradeName: e?.tradeName ?? '',
  nafCode: e?.nafCode ?? null,
  workforceBand: e?.workforceBand ?? null,
  legalForm: e?.legalForm ?? '',
  address: e?.address ?? '',
  postcode: e?.postcode ?? '',
  communeCode: e?.communeCode ?? '',
  communeName: e?.communeName ?? '',
  phone: e?.phone ?? '',
  email: e?.email ?? '',
  note: e?.note ?? '',
})

/** the body the API reads, and the messages of its own schema keyed by field */
export function employerBody(v: EmployerValues): { body: EmployerInput; errors: Record<string, string> } {
  const body = {
    siret: v.siret,
    name: v.name.trim(),
    tradeName: blank(v.tradeName),
    nafCode: v.nafCode,
    workforceBand: v.workforceBand,
    legalForm: blank(v.legalForm),
    address: blank(v.address),
    postcode: blank(v.postcode),
    communeCode: blank(v.communeCode),
    communeName: blank(v.communeName),
    phone: blank(v.phone),
    email: blank(v.email),
    note: blank(v.note),
  }
  return { body: body as EmployerInput, errors: bodyErrors(employerInput, body) }
}

const NAF_OPTIONS = Object.entries(NAF).map(([code, label]) => ({ value: code, label: `${code} — ${label}` }))
const BAND_OPTIONS = workforceBands.codes.map((code) => ({ value: code, label: workforceBands.labels[code] }))

export function EmployerFields({ form, employerId }: { form: UseFormReturnType<EmployerValues>; employerId?: string }) {
  const [check, setCheck] = useState<SiretCheck | null>(null)
  const onSiretBlur = async () => {
    const typed = form.getValues().siret
    if (typed.trim() === '') return
    try {
      const result = await employersApi.checkSiret(typed)
      setCheck(result)
      if (!result.valid) form.setFieldError('siret', result.message ?? 'SIRET invalide.')
      else form.clearFieldError('siret')
    } catch {
      setCheck(null)
    }
  }
  const other = check?.existing && check.existing.id !== employerId ? check.existing : null
  return (
    <>
      <TextInput
        label="SIRET"
        description="14 chiffres (espaces acceptés), contrôlés à la sortie du champ"
        required
        maxLength={20}
        inputMode="numeric"
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('siret')}
        onBlur={() => void onSiretBlur()}
      />
      {check?.valid && !other && (
        <Text size="sm" fw={600} role="status">
          SIRET valide.
        </Text>
      )}
      {other && (
        <Text size="sm" c="red.9" role="alert">
          Ce SIRET est déjà celui de{' '}
          <AnchorLink to="/emploi/entreprises/$id" params={{ id: other.id }}>
            {other.name}
          </AnchorLink>
          .
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Raison sociale ou enseigne" required maxLength={200} {...form.getInputProps('name')} />
        <TextInput
          label="Enseigne"
          description="Le nom sur la devanture, s’il diffère ; facultatif"
          maxLength={200}
          {...form.getInputProps('tradeName')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Code NAF (activité principale)"
          description="NAF rév. 2 : tapez un code ou un mot"
          data={NAF_OPTIONS}
          searchable
          clearable
          limit={50}
          nothingFoundMessage="Aucun code NAF ne correspond"
          {...form.getInputProps('nafCode')}
        />
        <Select label="Tranche d’effectif" data={BAND_OPTIONS} clearable {...form.getInputProps('workforceBand')} />
      </SimpleGrid>
      <TextInput
        label="Catégorie juridique"
        description="4 chiffres (SIRENE), facultatif"
        maxLength={4}
        {...form.getInputProps('legalForm')}
      />
      <TextInput label="Adresse" maxLength={300} {...form.getInputProps('address')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput label="Code postal" maxLength={5} inputMode="numeric" {...form.getInputProps('postcode')} />
        <TextInput
          label="Code commune (INSEE)"
          description="5 caractères"
          maxLength={5}
          {...form.getInputProps('communeCode')}
        />
        <TextInput label="Commune" maxLength={200} {...form.getInputProps('communeName')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Téléphone" type="tel" maxLength={30} {...form.getInputProps('phone')} />
        <TextInput label="Courriel" type="email" maxLength={254} {...form.getInputProps('email')} />
      </SimpleGrid>
      <Textarea label="Note" autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
    </>
  )
}
