import { Button, Loader, Table, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useParams } from '@tanstack/react-router'
import { useState } from 'react'
import { can } from '../../../../shared/auth/roles.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { useMe } from '../../auth/auth.api.ts'
import { AnchorLink } from '../../persons/anchor-link.tsx'
import { programmeQuery } from './immersions.api.ts'
import { objectiveLabel, rateText } from './immersions.labels.ts'
import { ProgrammeForm } from './programme-form.tsx'

// A programme of immersions (docs/employment/immersions.md « Programmes »): per module, the people placed in
// immersion, how many validated it, the rate, the contracts that followed; counted within the reader's scope. The
// employment officer changes it there (« Modifier le programme »: programme-form.tsx).

export function ProgrammePage() {
  const { id } = useParams({ strict: false }) as { id: string }
  const me = useMe()
  const query = useQuery(programmeQuery(id))
  const [editing, setEditing] = useState(false)
  const p = query.data
  return (
    <Page
      title={p ? p.name : 'Programme d’immersions'}
      actions={
        p &&
        can(me.role, 'employmentManage') &&
        !editing && (
          <Button variant="default" onClick={() => setEditing(true)}>
            Modifier le programme
          </Button>
        )
      }
    >
      <AnchorLink to="/emploi/immersions">Retour aux immersions</AnchorLink>
      <FormError error={query.error} title="Chargement impossible" />
      {query.isPending && <Loader aria-label="Chargement du programme" />}
      {p && editing && <ProgrammeForm programme={p} onDone={() => setEditing(false)} />}
      {p && !editing && (
        <>
          <Text my="sm">
            {formatNumber(p.people)} {p.people > 1 ? 'personnes' : 'personne'} en immersion dans ce programme
            {p.active ? '' : ' (programme inactif)'}.
          </Text>
          <Table.ScrollContainer minWidth={800}>
            <Table striped aria-label={`Modules du programme ${p.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Module</Table.Th>
                  <Table.Th>Objet</Table.Th>
                  <Table.Th ta="right">Personnes</Table.Th>
                  <Table.Th ta="right">Immersions</Table.Th>
                  <Table.Th ta="right">Validées</Table.Th>
                  <Table.Th ta="right">Taux de validation</Table.Th>
                  <Table.Th ta="right">Contrats de travail</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.modules.map((m) => (
                  <Table.Tr key={m.number}>
                    <Table.Th scope="row" fw={500}>
                      <AnchorLink to="/emploi/immersions" search={{ programmeId: p.id, moduleNumber: m.number }}>
                        Module {m.number}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {m.label}
                      </Text>
                    </Table.Th>
                    <Table.Td>{objectiveLabel(m.objective)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.people)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.immersions)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.validated)}</Table.Td>
                    <Table.Td ta="right">{rateText(m.rate)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(m.contracts)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="sm" c="dimmed" mt="xs">
            Les immersions annulées ne sont pas comptées ; le taux rapporte les personnes ayant validé le module aux
            personnes qui l’ont commencé.
          </Text>
        </>
      )}
    </Page>
  )
}
