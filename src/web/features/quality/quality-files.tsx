import { Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { can } from '../../../shared/auth/roles.ts'
import type { QualityRule } from '../../../shared/quality/quality.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import { ExportButtons } from '../../components/list-export.tsx'
import { TablePagination } from '../../components/table.tsx'
import { useMe } from '../auth/auth.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { qualityFilesExportUrl, qualityFilesQuery } from './quality.api.ts'

/** The files breaking one rule, each a link to the file's tab where it is fixed. */
export function QualityFiles({
  rule,
  scope,
  page,
  pageSize,
  onPage,
}: {
  rule: QualityRule
  scope: { siteId?: string | undefined; counsellorId?: string | undefined }
  page: number
  pageSize: number
  onPage: (next: { page: number; pageSize: number }) => void
}) {
  const me = useMe()
  const files = useQuery(qualityFilesQuery(rule.id, { ...scope, page, pageSize }))
  return (
    <Stack gap="sm" component="section" aria-labelledby="quality-files-title">
      <Title order={2} size="h3" id="quality-files-title">
        Dossiers à corriger : {rule.label}
      </Title>
      <Text size="sm">{rule.fix}</Text>
      {can(me.role, 'listExport') && (
        <ExportButtons url={qualityFilesExportUrl(rule.id)} query={{ ...scope }} label="les dossiers à corriger" />
      )}
      <FormError error={files.error} title="Chargement impossible" />
      {files.isPending ? (
        <Loader aria-label="Chargement des dossiers" />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing={4} fz="sm" aria-busy={files.isFetching}>
            <Table.Caption>Dossiers ne respectant pas la règle « {rule.label} »</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th>Date de naissance</Table.Th>
                <Table.Th>Site</Table.Th>
                <Table.Th>Référent</Table.Th>
                <Table.Th>À corriger</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {files.data?.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text ta="center" py="sm">
                      Aucun dossier à corriger.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {files.data?.items.map((f) => (
                <Table.Tr key={f.personId}>
                  <Table.Td>
                    <AnchorLink
                      to="/personnes/$id"
                      params={{ id: f.personId }}
                      search={{ onglet: rule.fileTab }}
                      fw={600}
                    >
                      {f.lastName.toUpperCase()} {f.firstName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(f.birthDate)}</Table.Td>
                  <Table.Td>{f.siteName}</Table.Td>
                  <Table.Td>{f.referentName ?? '—'}</Table.Td>
                  <Table.Td>{f.detail ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {files.data && <TablePagination total={files.data.total} page={page} pageSize={pageSize} onChange={onPage} />}
    </Stack>
  )
}
