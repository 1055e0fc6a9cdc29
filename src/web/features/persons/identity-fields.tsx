import { Fieldset, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { PersonDetail, PersonUpdate } from '../../../shared/persons/person.schema.ts'
import type { Commune } from '../admin/admin.api.ts'
import { DateField, todayInFrance } from './date-field.tsx'
import { priorityAreaOptions, sexOptions } from './labels.ts'
import { CommunePicker, CounsellorSelect, SiteSelect } from './pickers.tsx'

/** The identity block as the forms hold it: '' for an empty text, null for no choice. */
export interface IdentityValues {
  lastName: string
  firstName: string
  sex: string
  birthDate: string | null
  phone: string
  email: string
  address: string
  postcode: string
  communeCode: string | null
  priorityArea: string
  siteId: string | null
  referentId: string | null
}

export const emptyIdentity = (siteId: string | null): IdentityValues => ({
  lastName: '',
  firstName: '',
  sex: '',
  birthDate: null,
  phone: '',
  email: '',
  address: '',
  postcode: '',
  communeCode: null,
  priorityArea: '',
  siteId,
  referentId: null,
})

export const identityOf = (p: PersonDetail): IdentityValues => ({
  lastName: p.lastName,
  firstName: p.firstName,
  sex: p.sex,
  birthDate: p.birthDate,
  phone: p.phone ?? '',
  email: p.email ?? '',
  address: p.address ?? '',
  postcode: p.postcode ?? '',
  communeCode: p.communeCode,
  priorityArea: p.priorityArea ?? '',
  siteId: p.siteId,
  referentId: p.referentId,
})

/** The body the API takes (without version); the server trims and checks again. */
export const identityInput = (v: IdentityValues): Omit<PersonUpdate, 'version'> => ({
  lastName: v.lastName,
  firstName: v.firstName,
  sex: v.sex as PersonUpdate['sex'],
  birthDate: v.birthDate ?? '',
  phone: v.phone || null,
  email: v.email || null,
  address: v.address || null,
  postcode: v.postcode || null,
  communeCode: v.communeCode,
  priorityArea: (v.priorityArea || null) as PersonUpdate['priorityArea'],
  siteId: v.siteId ?? '',
  referentId: v.referentId,
})

const PHONE = /^(?=(?:\D*\d){9,15}\D*$)\+?[0-9 .()-]+$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** What can be told before asking the server, in the words of the server's own messages. */
export function validateIdentity(v: IdentityValues): Record<string, string> {
  const errors: Record<string, string> = {}
  const name = (field: 'lastName' | 'firstName', label: string) => {
    const text = v[field].trim()
    if (!text) errors[field] = `${label} requis.`
    else if (!/\p{L}/u.test(text)) errors[field] = `${label} : au moins une lettre.`
  }
  name('lastName', 'Nom')
  name('firstName', 'Prénom')
  if (!v.sex) errors.sex = 'Indiquez le sexe.'
  if (!v.birthDate) errors.birthDate = 'Date de naissance requise (jj/mm/aaaa).'
  else if (v.birthDate > todayInFrance()) errors.birthDate = 'La date de naissance est dans le futur.'
  if (v.phone.trim() && !PHONE.test(v.phone.trim())) errors.phone = 'Numéro de téléphone invalide.'
  if (v.email.trim() && !EMAIL.test(v.email.trim())) errors.email = 'Adresse e-mail invalide.'
  if (v.postcode.trim() && !/^\d{5}$/.test(v.postcode.trim())) errors.postcode = 'Code postal : 5 chiffres.'
  if (!v.siteId) errors.siteId = 'Site requis.'
  return errors
}

/** Identity, contact, address and follow-up: the same fields at creation and in the file's Identité tab. */
export function IdentityFields({
  form,
  initialCommune,
  currentSite,
  autoFocus = false,
  afterIdentity,
}: {
  form: UseFormReturnType<any>
  initialCommune?: Commune | null
  /** the file's site, shown even when it is not one of the user's sites */
  currentSite?: { id: string; name: string }
  autoFocus?: boolean
  /** shown right under the identity (the likely duplicates, at creation) */
  afterIdentity?: React.ReactNode
}) {
  const values = form.values as IdentityValues
  return (
    <Stack gap="md">
      <Fieldset legend="Identité">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Nom"
            required
            autoComplete="off"
            data-autofocus={autoFocus || undefined}
            {...form.getInputProps('lastName')}
          />
          <TextInput label="Prénom" required autoComplete="off" {...form.getInputProps('firstName')} />
          <Radio.Group label="Sexe" required {...form.getInputProps('sex')}>
            <Group gap="lg" mt={6}>
              {sexOptions.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} />
              ))}
            </Group>
          </Radio.Group>
          <DateField
            label="Date de naissance"
            required
            maxDate={todayInFrance()}
            defaultLevel="decade"
            {...form.getInputProps('birthDate')}
          />
        </SimpleGrid>
      </Fieldset>
      {afterIdentity}

      <Fieldset legend="Coordonnées">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Téléphone" type="tel" autoComplete="off" {...form.getInputProps('phone')} />
          <TextInput label="Adresse e-mail" type="email" autoComplete="off" {...form.getInputProps('email')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Adresse">
        <Stack gap="sm">
          <TextInput label="Numéro et voie" autoComplete="off" {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CommunePicker
              value={values.communeCode}
              initial={initialCommune}
              error={form.errors.communeCode}
              onChange={(commune) => {
                form.setFieldValue('communeCode', commune?.code ?? null)
                if (commune?.postcode) form.setFieldValue('postcode', commune.postcode)
              }}
            />
            <TextInput label="Code postal" inputMode="numeric" maxLength={5} {...form.getInputProps('postcode')} />
            <Select
              label="Quartier prioritaire"
              description="QPV (ZUS avant 2015), selon l’adresse"
              data={priorityAreaOptions}
              allowDeselect={false}
              {...form.getInputProps('priorityArea')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend="Suivi">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SiteSelect label="Site de suivi" required current={currentSite} {...form.getInputProps('siteId')} />
          <CounsellorSelect siteId={values.siteId} {...form.getInputProps('referentId')} />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  )
}
