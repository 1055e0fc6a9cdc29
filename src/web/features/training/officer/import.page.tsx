import { Alert, Button, FileInput, Group, List, Radio, Stack, Table, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../../api.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { type ImportCounts, type ImportFormat, refreshTraining, trainingApi } from './officer.api.ts'

// « Import du catalogue »: a funder's file in LHEO (XML) or CSV, checked first (dry run), then imported whole or not at
// all; the answer's counts, or every error with its file, line and column (the problem's fields).

const ROWS = [
  ['bodies', 'Organismes'],
  ['actions', 'Actions'],
  ['sessions', 'Sessions'],
] as const

function Counts({ counts, checked }: { counts: ImportCounts; checked: boolean }) {
  return (
    <Table aria-label={checked ? 'Résultat de la vérification' : 'Résultat de l’import'} maw={480}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Fiches</Table.Th>
          <Table.Th ta="right">{checked ? 'À créer' : 'Créées'}</Table.Th>
          <Table.Th ta="right">{checked ? 'À mettre à jour' : 'Mises à jour'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ROWS.map(([key, label]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td ta="right">{formatNumber(counts[key].created)}</Table.Td>
            <Table.Td ta="right">{formatNumber(counts[key].updated)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export function ImportPage() {
  const client = useQueryClient()
  const [format, setFormat] = useState<ImportFormat>('lheo')
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<{ counts: ImportCounts; checked: boolean } | null>(null)
  const send = useMutation({
    mutationFn: async (dryRun: boolean) => ({
      counts: await trainingApi.importFile(format, await (file as File).text(), dryRun),
      checked: dryRun,
    }),
    onMutate: () => setResult(null),
    onSuccess: async (r) => {
      setResult(r)
      if (!r.checked) await refreshTraining(client)
    },
  })
  const fieldErrors = isApiError(send.error) ? send.error.fields : []
  return (
    <Page title="Import du catalogue">
      <Stack gap="md" maw={720}>
        <Text size="sm">Le fichier est importé en entier ou pas du tout : vérifiez-le d’abord, puis importez-le.</Text>
        <Radio.Group
          label="Format du fichier"
          value={format}
          onChange={(v) => {
            setFormat(v as ImportFormat)
            setResult(null)
          }}
        >
          <Group mt={4}>
            <Radio value="lheo" label="LHEO (XML)" />
            <Radio value="csv" label="CSV" />
          </Group>
        </Radio.Group>
        <FileInput
          label="Fichier du catalogue"
          placeholder="Choisir un fichier"
          accept={format === 'lheo' ? '.xml,application/xml,text/xml' : '.csv,text/csv'}
          value={file}
          onChange={(f) => {
            setFile(f)
            setResult(null)
          }}
          clearable
        />
        <Group>
          <Button
            variant="default"
            disabled={!file}
            loading={send.isPending && send.variables}
            onClick={() => send.mutate(true)}
          >
            Vérifier
          </Button>
          <Button disabled={!file} loading={send.isPending && !send.variables} onClick={() => send.mutate(false)}>
            Importer
          </Button>
        </Group>
        {send.error && fieldErrors.length === 0 && <FormError error={send.error} title="Import impossible" />}
        {fieldErrors.length > 0 && (
          <Alert
            color="red"
            variant="light"
            title="Le fichier comporte des erreurs : rien n’a été importé"
            role="alert"
          >
            <List size="sm">
              {fieldErrors.map((e) => (
                <List.Item key={`${e.field}-${e.message}`}>
                  {e.field} : {e.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {result && (
          <Alert
            color="green"
            variant="light"
            title={result.checked ? 'Fichier vérifié : rien n’est encore importé' : 'Catalogue importé'}
            role="status"
          >
            <Counts counts={result.counts} checked={result.checked} />
          </Alert>
        )}
      </Stack>
    </Page>
  )
}
