import { Accordion, Badge, Button, Group, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { type AttributeKind, attributeLabels, sensitiveAttributes } from '../../../../shared/nomenclatures/person.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import type { AttributeEntry, StatusPeriod } from '../../../../shared/persons/situation.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatDate, formatDateTime } from '../../../components/format.ts'
import { DateField } from '../date-field.tsx'
import { attributeValueLabel, labelOf, statusLabels } from '../labels.ts'
import { attributesQuery, personsApi, statusesQuery } from '../persons.api.ts'
import { SensitiveHiddenNotice, SensitiveHint } from '../sensitive.tsx'
import { useRecordMutation } from '../use-record-mutation.ts'
import type { FileTabProps } from './file-tab.ts'
import { AttributeFormModal, StatusFormModal } from './situation-forms.tsx'

const allAttributes = Object.keys(attributeLabels) as AttributeKind[]
const activeOn = (s: StatusPeriod, on: string) => s.startDate <= on && (!s.endDate || s.endDate >= on)

/** As a tab of the person file: the date is kept in the URL (`?on=`), today when absent. */
export function SituationFileTab({ person, search, setSearch }: FileTabProps) {
  return <SituationTab person={person} on={search.on ?? person.today} onDate={(on) => setSearch({ on })} />
}

/** The situation on a chosen date (today by default), its history per element, and the status periods. */
export function SituationTab({
  person,
  on,
  onDate,
}: {
  person: PersonDetail
  on: string
  onDate: (on: string | undefined) => void
}) {
  const view = useQuery(attributesQuery(person.id, on))
  const statuses = useQuery(statusesQuery(person.id))
  const [adding, setAdding] = useState<'attribute' | 'status' | null>(null)
  const [editing, setEditing] = useState<StatusPeriod | null>(null)
  const remove = useRecordMutation(person.id, null, (entry: AttributeEntry) =>
    personsApi.removeAttribute(person.id, entry.id),
  )
  const history = (a: AttributeKind) => (view.data?.history ?? []).filter((e) => e.attribute === a)
  // Resources are left out by the server for those who may not see them: no row, and the notice says so.
  const attributesHidden = view.data?.sensitiveHidden ?? person.sensitiveHidden
  const attributes = allAttributes.filter((a) => !attributesHidden || !(sensitiveAttributes as string[]).includes(a))

  return (
    <Stack gap="xl">
      <Group align="flex-end" justify="space-between">
        <DateField
          label="Situation au"
          description="Par défaut aujourd’hui ; choisissez une date pour voir la situation à ce jour-là"
          maxDate={person.today}
          value={on}
          onChange={(d) => onDate(d && d !== person.today ? d : undefined)}
          w={320}
        />
        {person.can.write && (
          <Group gap="sm">
            <Button onClick={() => setAdding('attribute')}>Enregistrer un changement</Button>
            <Button variant="light" onClick={() => setAdding('status')}>
              Ouvrir un statut
            </Button>
          </Group>
        )}
      </Group>

      <section aria-labelledby="situation-state">
        <Title order={2} size="h3" id="situation-state" mb="sm">
          Situation au {formatDate(on)}
        </Title>
        <FormError error={view.error ?? remove.error} title="Chargement impossible" />
        {attributesHidden && <SensitiveHiddenNotice />}
        {view.isPending ? (
          <Loader aria-label="Chargement de la situation" />
        ) : (
          <Table striped aria-busy={view.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Élément</Table.Th>
                <Table.Th>Valeur</Table.Th>
                <Table.Th>Depuis le</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attributes.map((a) => {
                const value = view.data?.state[a] ?? null
                return (
                  <Table.Tr key={a}>
                    <Table.Th scope="row" fw={500}>
                      {attributeLabels[a]}
                    </Table.Th>
                    <Table.Td c={value ? undefined : 'dimmed'}>{attributeValueLabel(a, value)}</Table.Td>
                    <Table.Td>{value ? formatDate(value.validFrom) : ''}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        )}
      </section>

      <section aria-labelledby="situation-history">
        <Title order={2} size="h3" id="situation-history" mb="sm">
          Historique par élément
        </Title>
        <Accordion multiple variant="separated">
          {attributes.map((a) => (
            <Accordion.Item key={a} value={a}>
              <Accordion.Control>
                {attributeLabels[a]}{' '}
                <Text span c="dimmed" size="sm">
                  ({history(a).length} saisie{history(a).length > 1 ? 's' : ''})
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                {history(a).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Rien d’enregistré.
                  </Text>
                ) : (
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Date d’effet</Table.Th>
                        <Table.Th>Valeur</Table.Th>
                        <Table.Th>Saisie</Table.Th>
                        {person.can.write && (
                          <Table.Th>
                            <VisuallyHidden>Actions</VisuallyHidden>
                          </Table.Th>
                        )}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {history(a).map((e) => (
                        <Table.Tr key={e.id}>
                          <Table.Td>{formatDate(e.validFrom)}</Table.Td>
                          <Table.Td>{attributeValueLabel(a, e)}</Table.Td>
                          <Table.Td>
                            <Text size="sm">
                              {formatDateTime(e.recordedAt)}
                              {e.recordedByName ? ` par ${e.recordedByName}` : ''}
                            </Text>
                          </Table.Td>
                          {person.can.write && (
                            <Table.Td>
                              <Button
                                size="xs"
                                variant="subtle"
                                color="red"
                                loading={remove.isPending && remove.variables?.id === e.id}
                                onClick={() => {
                                  if (window.confirm('Supprimer cette saisie erronée ? La suppression est tracée.'))
                                    remove.mutate(e)
                                }}
                              >
                                Supprimer
                                <VisuallyHidden>
                                  {` la saisie du ${formatDate(e.validFrom)} (${attributeLabels[a]})`}
                                </VisuallyHidden>
                              </Button>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </section>

      <section aria-labelledby="situation-statuses">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="situation-statuses">
            Statuts
          </Title>
          {person.can.seeSensitive && <SensitiveHint />}
        </Group>
        <Stack gap="sm">
          {(statuses.data?.sensitiveHidden ?? person.sensitiveHidden) && <SensitiveHiddenNotice />}
          <FormError error={statuses.error} title="Chargement impossible" />
          {statuses.isPending ? (
            <Loader aria-label="Chargement des statuts" />
          ) : statuses.data?.items.length === 0 ? (
            <Text c="dimmed">Aucun statut enregistré.</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Statut</Table.Th>
                  <Table.Th>Début</Table.Th>
                  <Table.Th>Fin</Table.Th>
                  <Table.Th>Détail</Table.Th>
                  <Table.Th>Au {formatDate(on)}</Table.Th>
                  {person.can.write && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {statuses.data?.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {labelOf(statusLabels, s.status)}
                      {s.sensitive && (
                        <Badge ml="xs" size="sm" color="orange" variant="light">
                          sensible
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(s.startDate)}</Table.Td>
                    <Table.Td>{s.endDate ? formatDate(s.endDate) : '—'}</Table.Td>
                    <Table.Td>{s.detail}</Table.Td>
                    <Table.Td>
                      {activeOn(s, on) ? (
                        <Badge color="green" variant="light">
                          En cours
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          Non
                        </Text>
                      )}
                    </Table.Td>
                    {person.can.write && (
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => setEditing(s)}>
                          {s.endDate ? 'Modifier' : 'Clore ou modifier'}
                          <VisuallyHidden>{` : ${labelOf(statusLabels, s.status)}`}</VisuallyHidden>
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </section>

      <AttributeFormModal person={person} opened={adding === 'attribute'} onClose={() => setAdding(null)} />
      <StatusFormModal
        person={person}
        status={editing ?? undefined}
        opened={adding === 'status' || editing !== null}
        onClose={() => {
          setAdding(null)
          setEditing(null)
        }}
      />
    </Stack>
  )
}
