import { Badge, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useId, useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import type { EmployerDetail } from '../../../../shared/employment/employers.schema.ts'
import { workforceBands } from '../../../../shared/employment/employment.nomenclature.ts'
import { isApiError } from '../../../api.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { applyFieldErrors, FormError } from '../../../components/form-error.tsx'
import { formatDate } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { ContactsSection } from './employer-contacts.tsx'
import { EmployerFields, type EmployerValues, employerBody, employerValues } from './employer-form.tsx'
import { InteractionsSection } from './employer-interactions.tsx'
import { HistorySection } from './employer-sections.tsx'
import { employerQuery, employersApi, refreshEmployers } from './employers.api.ts'

// A company's file (docs/employment/employers.md « Screens »): its identity (changed with the version read), its
// contacts, the timeline of every interaction with the form to add one, and its history (offers, hires, immersions,
// clause hours).

export function EmployerPage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const manage = can(me.role, 'employmentManage')
  const file = useQuery(employerQuery(id))
  const e = file.data
  return (
    <Page title={e ? e.name : 'Entreprise'}>
      <AnchorLink to="/emploi/entreprises">Retour aux entreprises</AnchorLink>
      <FormError error={file.error} title="Chargement impossible" />
      {file.isPending && <Loader aria-label="Chargement de l’entreprise" />}
      {e && (
        <Stack gap="xl">
          <Identity employer={e} manage={manage} />
          <ContactsSection employer={e} manage={manage} />
          <InteractionsSection employer={e} manage={manage} />
          <HistorySection employer={e} />
        </Stack>
      )}
    </Page>
  )
}

const bandLabel = (code: string | null) =>
  code ? ((workforceBands.labels as Record<string, string>)[code] ?? code) : '—'

function Identity({ employer: e, manage }: { employer: EmployerDetail; manage: boolean }) {
  const titleId = useId()
  const [editing, setEditing] = useState(false)
  return (
    <section aria-labelledby={titleId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id={titleId}>
          Identité{' '}
          {!e.active && (
            <Badge color="gray" variant="light">
              Fiche close
            </Badge>
          )}
        </Title>
        {manage && !editing && (
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            Modifier l’entreprise
          </Button>
        )}
      </Group>
      {editing ? (
        <EditIdentity employer={e} onDone={() => setEditing(false)} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Text size="sm">SIRET : {e.siret ?? '—'}</Text>
          <Text size="sm">Enseigne : {e.tradeName ?? '—'}</Text>
          <Text size="sm">Activité : {e.nafCode ? `${e.nafCode} — ${e.nafLabel ?? ''}` : '—'}</Text>
          <Text size="sm">Effectif : {bandLabel(e.workforceBand)}</Text>
          <Text size="sm">Adresse : {e.address ?? '—'}</Text>
          <Text size="sm">Commune : {[e.postcode, e.communeName].filter(Boolean).join(' ') || '—'}</Text>
          <Text size="sm">Catégorie juridique : {e.legalForm ?? '—'}</Text>
          <Text size="sm">Téléphone : {e.phone ?? '—'}</Text>
          <Text size="sm">Courriel : {e.email ?? '—'}</Text>
          <Text size="sm">
            Chargé de relations : {e.officerName ?? '—'} (fiche créée le {formatDate(e.createdAt)})
          </Text>
          {e.note && <Text size="sm">Note : {e.note}</Text>}
        </SimpleGrid>
      )}
    </section>
  )
}

function EditIdentity({ employer: e, onDone }: { employer: EmployerDetail; onDone: () => void }) {
  const client = useQueryClient()
  const [active, setActive] = useState(e.active)
  const form = useForm<EmployerValues>({
    mode: 'uncontrolled',
    initialValues: employerValues(e),
    validate: (v) => employerBody(v).errors,
  })
  const save = useMutation({
    mutationFn: (v: EmployerValues) =>
      employersApi.update(e.id, { ...employerBody(v).body, version: e.version, active }),
    onSuccess: async () => {
      await refreshEmployers(client)
      onDone()
    },
    onError: (error) => applyFieldErrors(form, error),
  })
  const stale = isApiError(save.error) && save.error.code === 'version_conflict'
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label="Modifier l’entreprise">
      <Stack gap="md" maw={860}>
        <FormError error={save.error} title={stale ? 'Modifiée entre-temps' : 'Enregistrement impossible'} />
        {stale && (
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            onClick={() => void refreshEmployers(client).then(onDone)}
          >
            Recharger la fiche
          </Button>
        )}
        <EmployerFields form={form} employerId={e.id} />
        <Group>
          <Button variant="subtle" size="xs" onClick={() => setActive(!active)} aria-pressed={!active}>
            {active ? 'Clore la fiche (entreprise fermée ou sans suite)' : 'Rouvrir la fiche'}
          </Button>
          {!active && <Text size="sm">La fiche sera close à l’enregistrement.</Text>}
        </Group>
        <FormActions saving={save.isPending} submitLabel="Enregistrer l’entreprise" onCancel={onDone} />
      </Stack>
    </form>
  )
}
