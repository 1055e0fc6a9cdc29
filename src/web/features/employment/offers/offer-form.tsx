import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type Offer, type OfferInput, offerInput } from '../../../../shared/employment/offers.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { CommunePicker } from '../../persons/pickers.tsx'
import { contractKindOptions, levelOptions, romeOptions } from '../employment.labels.ts'
import { ContactPicker } from './contact-picker.tsx'
import { EmployerPicker } from './employer-picker.tsx'
import { offersApi, refreshEmployment } from './offers.api.ts'

// The shared offer form (« fiche de prise d'offre », docs/employment/screens.md): the employer and its contact, the job and its ROME
// code, the contract, the place, the requirements, the positions and the closing date, the sites it is broadcast to.
// The body is checked with the API's own schema before it leaves; the server's messages land next to their fields.

interface Values {
  employerId: string | null
  contactId: string | null
  title: string
  romeCode: string | null
  contractKind: string | null
  durationMonths: number | string
  hoursPerWeek: number | string
  positions: number | string
  place: string
  commune: { code: string; name: string; postcode?: string | null } | null
  postcode: string
  level2019: string | null
  drivingLicenceRequired: boolean
  experienceMonths: number | string
  requirements: string
  description: string
  startsOn: string
  closesOn: string
  siteIds: string[]
  status: 'draft' | 'open'
}

const num = (v: number | string) => (v === '' || v === null || v === undefined ? null : Number(v))
const text = (v: string) => v.trim() || null

function valuesOf(offer: Offer | null, defaultSites: string[]): Values {
  return {
    employerId: offer?.employerId ?? null,
    contactId: offer?.contactId ?? null,
    title: offer?.title ?? '',
    romeCode: offer?.romeCode ?? null,
    contractKind: offer?.contractKind ?? null,
    durationMonths: offer?.durationMonths ?? '',
    hoursPerWeek: offer?.hoursPerWeek ?? 35,
    positions: offer?.positions ?? 1,
    place: offer?.place ?? '',
    commune:
      offer?.communeCode && offer.communeName
        ? { code: offer.communeCode, name: offer.communeName, postcode: offer.postcode }
        : null,
    postcode: offer?.postcode ?? '',
    level2019: offer?.level2019 ? String(offer.level2019) : null,
    drivingLicenceRequired: offer?.drivingLicenceRequired ?? false,
    experienceMonths: offer?.experienceMonths ?? '',
    requirements: offer?.requirements ?? '',
    description: offer?.description ?? '',
    startsOn: offer?.startsOn ?? '',
    closesOn: offer?.closesOn ?? '',
    siteIds: offer?.siteIds ?? defaultSites,
    status: offer?.status === 'draft' ? 'draft' : 'open',
  }
}

/** the body the API takes, from the form's values */
export function offerBody(v: Values) {
  return {
    employerId: v.employerId ?? '',
    contactId: v.contactId,
    title: v.title,
    romeCode: v.romeCode ?? '',
    contractKind: v.contractKind ?? '',
    durationMonths: v.contractKind === 'cdi' ? null : num(v.durationMonths),
    hoursPerWeek: num(v.hoursPerWeek),
    positions: num(v.positions) ?? 0,
    place: text(v.place),
    postcode: text(v.commune?.postcode ?? v.postcode),
    communeCode: v.commune?.code ?? null,
    communeName: v.commune?.name ?? null,
    level2019: v.level2019 ? Number(v.level2019) : null,
    drivingLicenceRequired: v.drivingLicenceRequired,
    experienceMonths: num(v.experienceMonths),
    requirements: text(v.requirements),
    description: text(v.description),
    startsOn: v.startsOn || null,
    closesOn: v.closesOn || null,
    siteIds: v.siteIds,
    status: v.status,
  }
}

/** the form's field of a body path (the commune's three columns are one picker) */
const fieldOf = (path: string) =>
  path.startsWith('communeCode') || path.startsWith('communeName') ? 'commune' : path.split('.')[0]!

export function OfferForm({
  offer,
  onSaved,
  onCancel,
}: {
  offer: Offer | null
  onSaved: (offer: Offer) => void
  onCancel: () => void
}) {
  const me = useMe()
  const client = useQueryClient()
  const form = useForm<Values>({
    initialValues: valuesOf(offer, []),
    validate: (v) => bodyErrors(offerInput, offerBody(v), fieldOf),
  })
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = offerInput.parse(offerBody(v)) as OfferInput
      return offer ? offersApi.update(offer.id, { ...body, version: offer.version }) : offersApi.create(body)
    },
    onSuccess: onSaved,
    onError: (error) => {
      if (isApiError(error)) {
        const errors: Record<string, string> = {}
        for (const [k, m] of Object.entries(error.fieldErrors())) errors[fieldOf(k)] ??= m
        form.setErrors(errors)
      }
    },
    onSettled: () => refreshEmployment(client),
  })
  const siteOptions = me.sites.map((s) => ({ value: s.id, label: s.name }))
  const cdi = form.values.contractKind === 'cdi'
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))} aria-label="Fiche de l’offre">
      <Stack gap="md" maw={880}>
        <FormError error={save.error} title="Enregistrement impossible" />
        <Fieldset legend="Le poste">
          <Stack gap="sm">
            <EmployerPicker
              initial={offer ? { id: offer.employerId, name: offer.employerName } : null}
              value={form.values.employerId}
              onChange={(id) => {
                // another company: its own contacts
                if (id !== form.values.employerId) form.setFieldValue('contactId', null)
                form.setFieldValue('employerId', id)
              }}
              error={form.errors.employerId}
            />
            <ContactPicker
              employerId={form.values.employerId}
              value={form.values.contactId}
              onChange={(id) => form.setFieldValue('contactId', id)}
              kept={
                offer?.contactId && offer.contactName && form.values.employerId === offer.employerId
                  ? { id: offer.contactId, name: offer.contactName }
                  : null
              }
              error={form.errors.contactId}
            />
            <TextInput label="Intitulé du poste" required maxLength={200} {...form.getInputProps('title')} />
            <Select
              label="Métier (code ROME)"
              description="Tapez un mot du métier ou le code : « vente », « K2204 »"
              required
              searchable
              limit={50}
              data={romeOptions}
              nothingFoundMessage="Aucun métier"
              {...form.getInputProps('romeCode')}
            />
            <Textarea label="Description du poste" autosize minRows={2} {...form.getInputProps('description')} />
          </Stack>
        </Fieldset>
        <Fieldset legend="Le contrat">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Select
              label="Type de contrat"
              required
              data={contractKindOptions}
              allowDeselect={false}
              {...form.getInputProps('contractKind')}
            />
            <NumberInput
              label="Durée (mois)"
              min={0}
              max={120}
              allowDecimal={false}
              disabled={cdi}
              required={!cdi}
              {...form.getInputProps('durationMonths')}
            />
            <NumberInput
              label="Heures par semaine"
              min={1}
              max={60}
              decimalSeparator=","
              {...form.getInputProps('hoursPerWeek')}
            />
            <NumberInput
              label="Nombre de postes"
              required
              min={1}
              allowDecimal={false}
              {...form.getInputProps('positions')}
            />
            <TextInput type="date" label="Début souhaité" {...form.getInputProps('startsOn')} />
            <TextInput type="date" label="Date limite de candidature" {...form.getInputProps('closesOn')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Le lieu de travail">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CommunePicker
              initial={form.values.commune}
              value={form.values.commune?.code ?? null}
              onChange={(c) => form.setFieldValue('commune', c)}
              error={form.errors.commune}
            />
            <TextInput label="Adresse ou précision du lieu" maxLength={300} {...form.getInputProps('place')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Le profil demandé">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Niveau de formation"
              data={levelOptions}
              clearable
              clearButtonProps={{ 'aria-label': 'Retirer le niveau' }}
              {...form.getInputProps('level2019')}
            />
            <NumberInput
              label="Expérience (mois)"
              min={0}
              max={600}
              allowDecimal={false}
              {...form.getInputProps('experienceMonths')}
            />
            <Checkbox
              label="Permis B exigé"
              mt={30}
              {...form.getInputProps('drivingLicenceRequired', { type: 'checkbox' })}
            />
          </SimpleGrid>
          <Textarea
            mt="sm"
            label="Autres exigences"
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('requirements')}
          />
        </Fieldset>
        <Fieldset legend="La diffusion">
          <Stack gap="sm">
            <MultiSelect
              label="Sites de diffusion"
              description="Les conseillers de ces sites voient l’offre et y positionnent leurs jeunes"
              required
              searchable
              data={siteOptions}
              nothingFoundMessage="Aucun site"
              {...form.getInputProps('siteIds')}
            />
            <Checkbox
              label="Brouillon (pas encore diffusée)"
              checked={form.values.status === 'draft'}
              onChange={(e) => form.setFieldValue('status', e.currentTarget.checked ? 'draft' : 'open')}
            />
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
          <Button type="submit" loading={save.isPending}>
            {offer ? 'Enregistrer l’offre' : 'Créer l’offre'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
