import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { FormError } from '../../components/form-error.tsx'
import { formatNumber } from '../../components/format.ts'
import { TablePagination } from '../../components/table.tsx'
import type { FileTabProps } from '../../web-module.ts'
import { personAuditQuery } from './admin.api.ts'
import { AuditDetail } from './audit-detail.tsx'
import { auditSentence, whenSaid } from './audit-words.ts'

/**
 * The file's audit trail, for the director (issue 10): who has opened it and read its sensitive fields, then every
 * line about the person or one of their records, in words. An opening is written at most once per reader and quarter
 * hour (a refresh is not a new reader); each read of a sensitive field is written.
 */
export function PersonAuditTab({ person, search, setSearch }: FileTabProps) {
  const params = { page: search.page ?? 1, pageSize: search.pageSize ?? 25 }
  const trail = useQuery(personAuditQuery(person.id, params))
  if (trail.isPending) return <Loader aria-label="Chargement du journal du dossier" />
  if (trail.error) return <FormError error={trail.error} title="Chargement impossible" />
  const { readers, items, total } = trail.data
  return (
    <Stack gap="lg">
      <Stack gap="xs" component="section" aria-labelledby="file-readers">
        <Title order={2} size="h3" id="file-readers">
          Qui a consulté ce dossier
        </Title>
        <Text size="sm" c="dimmed">
          Chaque ouverture du dossier est enregistrée au journal (une par lecteur et par quart d’heure), ainsi que
          chaque consultation d’une information sensible (statuts RSA, RQTH, justice, ressources, propositions de
          santé), avec son auteur et son heure.
        </Text>
        {readers.length === 0 ? (
          <Alert color="gray">Personne n’a consulté ce dossier.</Alert>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped w="auto">
              <Table.Caption>
                Consultations du dossier et de ses informations sensibles, lecteur le plus récent en premier
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Utilisateur</Table.Th>
                  <Table.Th ta="right">Ouvertures</Table.Th>
                  <Table.Th ta="right">Informations sensibles</Table.Th>
                  <Table.Th>Première</Table.Th>
                  <Table.Th>Dernière</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {readers.map((r) => (
                  <Table.Tr key={`${r.actorId}-${r.actorLabel}`}>
                    <Table.Th scope="row" fw={400}>
                      {r.actorLabel}
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(r.openings)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(r.sensitiveReads)}</Table.Td>
                    <Table.Td>{whenSaid(r.firstAt)}</Table.Td>
                    <Table.Td>{whenSaid(r.lastAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="file-trail">
        <Title order={2} size="h3" id="file-trail">
          Journal du dossier
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-busy={trail.isFetching} verticalSpacing="xs">
            <Table.Caption>Ce qui a été fait sur ce dossier, du plus récent au plus ancien</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ce qui s’est passé</Table.Th>
                <Table.Th>Détail technique</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{auditSentence(event)}</Table.Td>
                  <Table.Td maw={320}>
                    <AuditDetail event={event} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <TablePagination
          total={total}
          page={params.page}
          pageSize={params.pageSize}
          onChange={(next) => setSearch(next)}
        />
      </Stack>
    </Stack>
  )
}
