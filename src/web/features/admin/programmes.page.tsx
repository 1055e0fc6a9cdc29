import { Alert, Button, Loader, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { type Programme, programmeTypeLabels } from '../../../shared/admin/admin.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { Page } from '../../components/page.tsx'
import { StatusBadge } from '../../components/status-badge.tsx'
import { programmeKindLabels, programmesQuery } from './admin.api.ts'
import { DEFAULT_CONTACT_DAYS, ProgrammeFormModal } from './programme-form.tsx'

function contactRule(p: Programme): string {
  const base = p.contactDays ? `${p.contactDays} jours` : `${DEFAULT_CONTACT_DAYS} jours (par défaut)`
  return p.contactDaysDuringStep ? `${base} ; ${p.contactDaysDuringStep} jours pendant une étape` : base
}

export function ProgrammesPage() {
  const programmes = useQuery(programmesQuery)
  const [editing, setEditing] = useState<{ programme?: Programme } | null>(null)

  return (
    <Page title="Programmes" actions={<Button onClick={() => setEditing({})}>Nouveau programme</Button>}>
      <Text>Les dispositifs dans lesquels les personnes sont accompagnées (PACEA, CEJ, PLIE…).</Text>
      <FormError error={programmes.error} title="Chargement impossible" />
      {programmes.isPending ? (
        <Loader aria-label="Chargement des programmes" />
      ) : programmes.data?.length === 0 ? (
        <Alert color="gray">Aucun programme pour l'instant.</Alert>
      ) : (
        <Table striped highlightOnHover>
          <Table.Caption>Programmes de la structure</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Code</Table.Th>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Nature</Table.Th>
              <Table.Th>Alerte sans contact</Table.Th>
              <Table.Th>Statut</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {programmes.data?.map((programme) => (
              <Table.Tr key={programme.id}>
                <Table.Td>{programme.code}</Table.Td>
                <Table.Td>{programme.name}</Table.Td>
                <Table.Td>{programmeKindLabels[programme.kind]}</Table.Td>
                <Table.Td>{programmeTypeLabels[programme.type]}</Table.Td>
                <Table.Td>{contactRule(programme)}</Table.Td>
                <Table.Td>
                  <StatusBadge active={programme.active} />
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setEditing({ programme })}>
                    Modifier<VisuallyHidden> le programme {programme.name}</VisuallyHidden>
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ProgrammeFormModal programme={editing?.programme} opened={editing !== null} onClose={() => setEditing(null)} />
    </Page>
  )
}
