import { Checkbox, Group, Loader, Select, SimpleGrid, Table, Tabs, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { DateField } from '../../persons/date-field.tsx'
import {
  funderLabel,
  funderOptions,
  levelLabel,
  nsfOptions,
  nsfText,
  placesText,
  sessionDates,
} from '../training.labels.ts'
import { ActionButtons, NewActionButton } from './catalogue-actions.tsx'
import { BodyButtons, NewBodyButton } from './catalogue-bodies.tsx'
import { NewSessionButton, SessionButtons } from './catalogue-sessions.tsx'
import { actionsQuery, bodiesQuery, type SessionSearch, sessionsQuery } from './officer.api.ts'

// « Catalogue » (docs/training/screens.md): the sessions searched the way the counsellor's form does (text, NSF
// domain, funder, commune, dates, with places left), the actions and the training bodies with their partner accounts.
// Who sets the catalogue up (trainingSetup) creates, changes and deletes each of them in a dialog
// (catalogue-*.tsx) and binds the bodies' partner accounts.

/** the « Nouvelle … » button above a list, for who sets the catalogue up */
function NewButton({ setup, children }: { setup: boolean; children: ReactNode }) {
  return setup ? (
    <Group justify="flex-end" mb="sm">
      {children}
    </Group>
  ) : null
}

function SessionsTab({ setup }: { setup: boolean }) {
  const [q, setQ] = useState('')
  const [search, setSearch] = useState<SessionSearch>({})
  const [debounced] = useDebouncedValue(q, 300)
  const query = useQuery(sessionsQuery({ ...search, q: debounced.trim() || undefined }))
  const set = (patch: SessionSearch) => setSearch((s) => ({ ...s, ...patch }))
  return (
    <>
      <section aria-label="Rechercher une session">
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <TextInput
            label="Recherche"
            description="Intitulé, organisme"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
          <Select
            label="Domaine (NSF)"
            data={nsfOptions}
            searchable
            clearable
            value={search.nsf ?? null}
            onChange={(v) => set({ nsf: v ?? undefined })}
          />
          <Select
            label="Financeur"
            data={funderOptions}
            clearable
            value={search.funder ?? null}
            onChange={(v) => set({ funder: (v ?? undefined) as SessionSearch['funder'] })}
          />
          <TextInput
            label="Code commune (INSEE)"
            maxLength={5}
            value={search.communeCode ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value.trim()
              set({ communeCode: v.length === 5 ? v : undefined })
            }}
          />
          <DateField
            label="Début à partir du"
            clearable
            value={search.from ?? null}
            onChange={(v) => set({ from: v ?? undefined })}
          />
          <DateField
            label="Début jusqu’au"
            clearable
            value={search.to ?? null}
            onChange={(v) => set({ to: v ?? undefined })}
          />
          <Checkbox
            label="Avec places"
            checked={search.withPlacesLeft === 'true'}
            onChange={(e) => set({ withPlacesLeft: e.currentTarget.checked ? 'true' : undefined })}
          />
        </SimpleGrid>
      </section>
      <NewButton setup={setup}>
        <NewSessionButton />
      </NewButton>
      <FormError error={query.error} title="Recherche impossible" />
      {query.isPending && <Loader aria-label="Chargement des sessions" />}
      {query.data && (
        <Table.ScrollContainer minWidth={760}>
          <Text size="sm" aria-live="polite" mb="xs">
            {formatNumber(query.data.length)} session{query.data.length > 1 ? 's' : ''}
          </Text>
          <Table striped highlightOnHover aria-label="Sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Organisme</Table.Th>
                <Table.Th>Domaine</Table.Th>
                <Table.Th>Dates</Table.Th>
                <Table.Th>Commune</Table.Th>
                <Table.Th>Places restantes</Table.Th>
                {setup && <Table.Th>Gérer</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={500}>
                    <AnchorLink to="/formation/sessions/$id" params={{ id: s.id }}>
                      {s.actionTitle}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{s.bodyName}</Table.Td>
                  <Table.Td>{nsfText(s.nsfCode)}</Table.Td>
                  <Table.Td>{sessionDates(s)}</Table.Td>
                  <Table.Td>{s.communeName ?? s.communeCode ?? '—'}</Table.Td>
                  <Table.Td>{placesText(s)}</Table.Td>
                  {setup && (
                    <Table.Td>
                      <SessionButtons session={s} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  )
}

function ActionsTab({ setup }: { setup: boolean }) {
  const query = useQuery(actionsQuery())
  return (
    <>
      <NewButton setup={setup}>
        <NewActionButton />
      </NewButton>
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending && <Loader aria-label="Chargement des actions" />}
      {query.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Actions de formation">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Intitulé</Table.Th>
                <Table.Th>Organisme</Table.Th>
                <Table.Th>Financeur</Table.Th>
                <Table.Th>Domaine</Table.Th>
                <Table.Th>Niveau</Table.Th>
                <Table.Th ta="right">Places</Table.Th>
                <Table.Th ta="right">Sessions</Table.Th>
                {setup && <Table.Th>Gérer</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    {a.title}
                    {!a.active && ' (inactive)'}
                  </Table.Th>
                  <Table.Td>{a.bodyName}</Table.Td>
                  <Table.Td>{funderLabel(a.funder)}</Table.Td>
                  <Table.Td>{nsfText(a.nsfCode)}</Table.Td>
                  <Table.Td>{levelLabel(a.level2019)}</Table.Td>
                  <Table.Td ta="right">{a.places === null ? '—' : formatNumber(a.places)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(a.sessions)}</Table.Td>
                  {setup && (
                    <Table.Td>
                      <ActionButtons action={a} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  )
}

function BodiesTab({ setup }: { setup: boolean }) {
  const query = useQuery(bodiesQuery)
  return (
    <>
      <NewButton setup={setup}>
        <NewBodyButton />
      </NewButton>
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending && <Loader aria-label="Chargement des organismes" />}
      {query.data && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Organismes de formation">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Organisme</Table.Th>
                <Table.Th>SIRET</Table.Th>
                <Table.Th>Contact</Table.Th>
                <Table.Th ta="right">Actions</Table.Th>
                <Table.Th>Comptes partenaires</Table.Th>
                {setup && <Table.Th>Gérer</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.map((b) => (
                <Table.Tr key={b.id}>
                  <Table.Th scope="row" fw={500}>
                    {b.name}
                    {!b.active && ' (inactif)'}
                  </Table.Th>
                  <Table.Td>{b.siret ?? '—'}</Table.Td>
                  <Table.Td>
                    {[b.contactName, b.contactEmail, b.contactPhone].filter(Boolean).join(' · ') || '—'}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(b.actions)}</Table.Td>
                  <Table.Td>{b.users.map((u) => u.displayName).join(', ') || '—'}</Table.Td>
                  {setup && (
                    <Table.Td>
                      <BodyButtons body={b} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  )
}

export function CataloguePage() {
  const me = useMe()
  const setup = can(me.role, 'trainingSetup')
  return (
    <Page title="Catalogue de formation">
      <Tabs defaultValue="sessions" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sessions">Sessions</Tabs.Tab>
          <Tabs.Tab value="actions">Actions</Tabs.Tab>
          <Tabs.Tab value="bodies">Organismes</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions">
          <SessionsTab setup={setup} />
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <ActionsTab setup={setup} />
        </Tabs.Panel>
        <Tabs.Panel value="bodies">
          <BodiesTab setup={setup} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  )
}
