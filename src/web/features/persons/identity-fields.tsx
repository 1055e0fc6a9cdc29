import { Fieldset, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { today } from '../../components/format.ts'
import type { Commune } from '../admin/admin.api.ts'
import { DateField } from './date-field.tsx'
import { priorityAreaOptions, sexOptions } from './labels.ts'
import type { IdentityValues } from './person-bodies.ts'
import { CommunePicker, CounsellorSelect, SiteSelect } from './pickers.tsx'

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
            maxDate={today()}
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
