import { Button, Checkbox, Group, Radio, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { addDays } from '../../../../shared/dates.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import type { TrainingSession } from '../../../../shared/training/catalogue.schema.ts'
import { ARGUMENT_MAX, type Prescription, prescriptionInput } from '../../../../shared/training/prescriptions.schema.ts'
import { isApiError } from '../../../api.ts'
import { bodyErrors } from '../../../components/body-errors.ts'
import { FormError } from '../../../components/form-error.tsx'
import { today } from '../../../components/format.ts'
import { useMe } from '../../auth/auth.api.ts'
import { CommunePicker, SiteSelect } from '../../persons/pickers.tsx'
import { infoSessionText, nsfOptions, placesText, sessionDates } from '../training.labels.ts'
import { prescriptionsApi, refreshTraining, type SessionSearch, sessionSearchQuery } from './prescriptions.api.ts'

/**
 * « Prescrire une formation » (docs/training/screens.md « Le conseiller et l’organisme de formation »): the counsellor
 * searches the open sessions (words, NSF domain, commune, dates, with places left), picks one from the results with its
 * places left and information session, argues the request and chooses the site. The body is checked with the API's own
 * schema before it leaves; the server's messages land next to their fields.
 */
export function PrescriptionForm({
  person,
  onCreated,
  onCancel,
}: {
  person: PersonDetail
  onCreated: (p: Prescription) => void
  onCancel: () => void
}) {
  const client = useQueryClient()
  const [criteria, setCriteria] = useState<SessionSearch>({ withPlacesLeft: 'true', from: addDays(today(), 1) })
  const [search, setSearch] = useState<SessionSearch | null>(null)
  const sessions = useQuery({ ...sessionSearchQuery(search ?? {}), enabled: search !== null })
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [argument, setArgument] = useState('')
  const me = useMe()
  // the site files the prescription: the person's when it is one of the counsellor's, else her first
  const [siteId, setSiteId] = useState<string | null>(
    me.sites.some((x) => x.id === person.siteId) ? person.siteId : (me.sites[0]?.id ?? person.siteId),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const body = { sessionId: sessionId ?? '', argument, siteId: siteId ?? '' }
  const file = useMutation({
    mutationFn: () => prescriptionsApi.prescribe(person.id, prescriptionInput.parse(body)),
    onSuccess: onCreated,
    onError: (error) => {
      if (isApiError(error)) setErrors(error.fieldErrors())
    },
    onSettled: () => refreshTraining(client),
  })
  const submit = () => {
    const found = bodyErrors(prescriptionInput, body)
    setErrors(found)
    if (Object.keys(found).length === 0) file.mutate()
  }
  const set = (patch: Partial<SessionSearch>) => setCriteria((c) => ({ ...c, ...patch }))
  return (
    <section aria-labelledby="formation-prescrire">
      <Title order={2} size="h4" id="formation-prescrire" mb="xs">
        Prescrire une formation
      </Title>
      <Stack gap="sm">
        <form
          aria-label="Rechercher une session"
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            setSearch({ ...criteria, q: criteria.q?.trim() || undefined })
            setSessionId(null)
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label="Mots de l’intitulé ou de l’organisme"
              value={criteria.q ?? ''}
              onChange={(e) => set({ q: e.currentTarget.value })}
              w={240}
            />
            <Select
              label="Domaine (NSF)"
              data={nsfOptions}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': 'Retirer le domaine' }}
              value={criteria.nsf ?? null}
              onChange={(v) => set({ nsf: v ?? undefined })}
              w={280}
            />
            <CommunePicker
              description={undefined}
              value={criteria.communeCode ?? null}
              onChange={(c) => set({ communeCode: c?.code })}
              w={220}
            />
            <TextInput
              type="date"
              label="Début à partir du"
              value={criteria.from ?? ''}
              onChange={(e) => set({ from: e.currentTarget.value || undefined })}
            />
            <TextInput
              type="date"
              label="Début au plus tard le"
              value={criteria.to ?? ''}
              onChange={(e) => set({ to: e.currentTarget.value || undefined })}
            />
            <Checkbox
              label="Avec places restantes"
              checked={criteria.withPlacesLeft === 'true'}
              onChange={(e) => set({ withPlacesLeft: e.currentTarget.checked ? 'true' : undefined })}
              mb={8}
            />
            <Button type="submit" variant="light" loading={sessions.isFetching}>
              Rechercher les sessions
            </Button>
          </Group>
        </form>
        <FormError error={sessions.error} title="Recherche impossible" />
        {search && sessions.data && (
          <SessionResults sessions={sessions.data} value={sessionId} onChange={setSessionId} error={errors.sessionId} />
        )}
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <Stack gap="sm" maw={640}>
            <FormError error={file.error} title="Prescription impossible" />
            {!search && errors.sessionId && (
              <Text c="red.9" size="sm" role="alert">
                {errors.sessionId}
              </Text>
            )}
            <Textarea
              label="Argumentaire"
              description="Le projet de la personne, ce qui justifie cette formation"
              required
              autosize
              minRows={3}
              maxLength={ARGUMENT_MAX}
              value={argument}
              onChange={(e) => setArgument(e.currentTarget.value)}
              error={errors.argument}
            />
            <SiteSelect
              label="Site"
              required
              current={{ id: person.siteId, name: person.siteName }}
              value={siteId}
              onChange={setSiteId}
              error={errors.siteId}
            />
            <Group gap="sm">
              <Button type="submit" loading={file.isPending}>
                Envoyer la prescription
              </Button>
              <Button variant="subtle" onClick={onCancel}>
                Fermer
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </section>
  )
}

/** The sessions found, one chosen with a radio button: the action, its body, dates, places left, information session. */
function SessionResults({
  sessions,
  value,
  onChange,
  error,
}: {
  sessions: TrainingSession[]
  value: string | null
  onChange: (id: string) => void
  error?: string
}) {
  if (sessions.length === 0) return <Text>Aucune session ouverte ne répond à ces critères.</Text>
  return (
    <Radio.Group label="Session choisie" value={value} onChange={onChange} error={error} required name="sessionId">
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder aria-label="Sessions trouvées">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Choix</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Organisme</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Lieu</Table.Th>
              <Table.Th>Places restantes</Table.Th>
              <Table.Th>Information collective</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Radio value={s.id} aria-label={`${s.actionTitle}, ${sessionDates(s)}`} />
                </Table.Td>
                <Table.Td>
                  {s.actionTitle}
                  {s.nsfCode && (
                    <Text size="xs" c="dimmed">
                      NSF {s.nsfCode}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.bodyName}</Table.Td>
                <Table.Td>{sessionDates(s)}</Table.Td>
                <Table.Td>{s.communeName ?? s.place ?? '—'}</Table.Td>
                <Table.Td>{placesText(s)}</Table.Td>
                <Table.Td>{infoSessionText(s)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Radio.Group>
  )
}
