import { Alert, Button, SimpleGrid, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { referralSources } from '../../../../shared/nomenclatures/accompaniment.ts'
import { priorityAreas, sexes } from '../../../../shared/nomenclatures/person.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import { isApiError } from '../../../api.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime } from '../../../components/format.ts'
import { IdentityFields } from '../identity-fields.tsx'
import { labelOf } from '../labels.ts'
import { type IdentityValues, identityOf, identityUpdate, validateIdentityUpdate } from '../person-bodies.ts'
import { personKeyOf, personQuery, personsApi } from '../persons.api.ts'
import { LeaveGuard } from './leave-guard.tsx'

/** Identity, contact, address and follow-up: edited with the version read; a conflict says so and offers a reload. */
export function IdentityTab({ person }: { person: PersonDetail }) {
  return (
    <Stack gap="lg">
      {person.can.editIdentity ? <IdentityForm person={person} /> : <IdentityReadOnly person={person} />}
      <Text size="sm" c="dimmed">
        Premier accueil : {person.firstReceptionDate ? formatDate(person.firstReceptionDate) : 'non renseigné'}
        {person.referralSource && ` — origine : ${labelOf(referralSources.labels, person.referralSource)}`}. Dossier
        créé le {formatDateTime(person.createdAt)}, modifié le {formatDateTime(person.updatedAt)}.
      </Text>
    </Stack>
  )
}

function IdentityForm({ person }: { person: PersonDetail }) {
  const queryClient = useQueryClient()
  const [saved, setSaved] = useState(false)
  const [version, setVersion] = useState(person.version)
  const form = useForm<IdentityValues>({
    initialValues: identityOf(person),
    validate: (values) => validateIdentityUpdate(values, version),
  })
  const save = useMutation({
    mutationFn: (values: IdentityValues) => personsApi.update(person.id, identityUpdate(values, version)),
    onMutate: () => setSaved(false),
    onSuccess: async (updated) => {
      setVersion(updated.version)
      form.resetDirty(identityOf(updated))
      queryClient.setQueryData(personQuery(person.id).queryKey, updated)
      await queryClient.invalidateQueries({ queryKey: ['persons', 'search'] })
      await queryClient.invalidateQueries({ queryKey: ['caseload'] })
      setSaved(true)
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const conflict = isApiError(save.error) && save.error.code === 'version_conflict'

  async function reload() {
    const fresh = await queryClient.fetchQuery({ ...personQuery(person.id), staleTime: 0 })
    setVersion(fresh.version)
    form.setValues(identityOf(fresh))
    form.resetDirty(identityOf(fresh))
    save.reset()
    await queryClient.invalidateQueries({ queryKey: personKeyOf(person.id) })
  }

  return (
    <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <LeaveGuard dirty={form.isDirty() && !save.isPending} />
      <Stack gap="lg">
        <IdentityFields
          form={form}
          initialCommune={
            person.communeCode && person.communeName
              ? { code: person.communeCode, name: person.communeName, postcode: person.postcode }
              : null
          }
          currentSite={{ id: person.siteId, name: person.siteName }}
        />
        {conflict ? (
          <Alert color="orange" title="Modifié entre-temps" role="alert">
            <Stack gap="sm">
              <Text size="sm">{isApiError(save.error) ? save.error.detail : ''}</Text>
              <Text size="sm">
                Rechargez la fiche pour voir la version enregistrée, puis refaites vos modifications.
              </Text>
              <div>
                <Button variant="default" onClick={() => void reload()}>
                  Recharger la fiche
                </Button>
              </div>
            </Stack>
          </Alert>
        ) : (
          <FormError error={save.error} title="Enregistrement impossible" />
        )}
        {saved && !form.isDirty() && (
          <Alert color="green" variant="light" role="status">
            Modifications enregistrées.
          </Alert>
        )}
        <FormActions
          saving={save.isPending}
          onCancel={() => form.reset()}
          cancelLabel="Annuler les modifications"
          cancelDisabled={!form.isDirty()}
        />
      </Stack>
    </form>
  )
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children || '—'}
      </Text>
    </div>
  )
}

function IdentityReadOnly({ person: p }: { person: PersonDetail }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
      <Field label="Nom">{p.lastName}</Field>
      <Field label="Prénom">{p.firstName}</Field>
      <Field label="Sexe">{labelOf(sexes.labels, p.sex)}</Field>
      <Field label="Date de naissance">{formatDate(p.birthDate)}</Field>
      <Field label="Téléphone">{p.phone}</Field>
      <Field label="Adresse e-mail">{p.email}</Field>
      <Field label="Adresse">
        {[p.address, [p.postcode, p.communeName].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
      </Field>
      <Field label="Quartier prioritaire">
        {p.priorityArea ? labelOf(priorityAreas.labels, p.priorityArea) : 'Non'}
      </Field>
      <Field label="Site de suivi">{p.siteName}</Field>
      <Field label="Référent">{p.referentName ?? 'À désigner'}</Field>
    </SimpleGrid>
  )
}
