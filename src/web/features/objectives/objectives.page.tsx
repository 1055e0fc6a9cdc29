import { Alert, Button, Group, Loader, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { can } from '../../../shared/auth/roles.ts'
import type { Agreement } from '../../../shared/reporting/reporting.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { Page } from '../../components/page.tsx'
import { useMe } from '../auth/auth.api.ts'
import { AgreementFormModal } from './agreement-form.tsx'
import { AgreementObjectives } from './agreement-objectives.tsx'
import { agreementsQuery } from './objectives.api.ts'
import { periodLabel } from './objectives.bodies.ts'

/**
 * The funders' agreements (a PLIE protocol, a Mission Locale's multi-year CPO) and their yearly objectives, which every
 * report sets against its results (result, objective, gap, rate). The admin keeps them; the director and the
 * statistician read them.
 */
export function ObjectivesPage() {
  const me = useMe()
  const manage = can(me.role, 'objectivesManage')
  const agreements = useQuery(agreementsQuery)
  const [editing, setEditing] = useState<{ agreement?: Agreement } | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const selected = agreements.data?.find((a) => a.id === chosen) ?? agreements.data?.[0]

  return (
    <Page
      title="Conventions et objectifs"
      actions={manage && <Button onClick={() => setEditing({})}>Nouvelle convention</Button>}
    >
      <Text>
        Les conventions des financeurs (protocole PLIE, convention pluriannuelle de la Mission Locale) et leurs
        objectifs annuels : chaque rapport montre, pour l’indicateur visé, le résultat, l’objectif, l’écart et le taux
        de réalisation.
      </Text>
      {!manage && <Alert color="gray">Consultation seule : l’administrateur tient ces conventions à jour.</Alert>}
      <FormError error={agreements.error} title="Chargement impossible" />
      {agreements.isPending ? (
        <Loader aria-label="Chargement des conventions" />
      ) : agreements.data?.length === 0 ? (
        <Alert color="gray">Aucune convention pour l’instant.</Alert>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Caption>Conventions des financeurs</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Nom</Table.Th>
                <Table.Th>Financeur</Table.Th>
                <Table.Th>Période</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreements.data?.map((agreement) => (
                <Table.Tr key={agreement.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {agreement.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{agreement.funder}</Table.Td>
                  <Table.Td>{periodLabel(agreement)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button
                        size="xs"
                        variant={selected?.id === agreement.id ? 'filled' : 'light'}
                        aria-pressed={selected?.id === agreement.id}
                        onClick={() => setChosen(agreement.id)}
                      >
                        Objectifs<VisuallyHidden> de la convention {agreement.name}</VisuallyHidden>
                      </Button>
                      {manage && (
                        <Button size="xs" variant="light" onClick={() => setEditing({ agreement })}>
                          Modifier<VisuallyHidden> la convention {agreement.name}</VisuallyHidden>
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && <AgreementObjectives key={selected.id} agreement={selected} manage={manage} />}
      <AgreementFormModal
        agreement={editing?.agreement}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(saved) => setChosen(saved.id)}
      />
    </Page>
  )
}
