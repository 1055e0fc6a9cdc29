import { Alert, Button, FileInput, Group, List, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { ClauseStatementResult } from '../../../../shared/employment/clauses.schema.ts'
import { isApiError } from '../../../api.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { clausesApi, refreshClauses } from './clauses.api.ts'

// « Importer un relevé »: a company's monthly statement (CSV or XLSX), imported whole or not at all; the answer's
// counts, or every error with its file, line and column (the problem's fields).

const monthLabel = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`

export function StatementImport({ operationId }: { operationId: string }) {
  const client = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<ClauseStatementResult | null>(null)
  const send = useMutation({
    mutationFn: () => clausesApi.importStatement(operationId, file as File),
    onMutate: () => setResult(null),
    onSuccess: async (r) => {
      setResult(r)
      setFile(null)
      await refreshClauses(client)
    },
  })
  const fieldErrors = isApiError(send.error) ? send.error.fields : []
  return (
    <section aria-labelledby="clause-import">
      <Title order={2} size="h3" id="clause-import" mb="xs">
        Importer un relevé
      </Title>
      <Stack gap="sm" maw={720}>
        <Text size="sm">
          Le relevé mensuel d’une entreprise, en CSV ou en XLSX : colonnes siret (ou lot), nom, prenom, date_naissance,
          mois (MM/AAAA), heures (7,5). Il est importé en entier ou pas du tout ; un mois déjà importé est remplacé.
        </Text>
        <FileInput
          label="Fichier du relevé (CSV ou XLSX)"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(f) => {
            setFile(f)
            setResult(null)
            send.reset()
          }}
          clearable
          clearButtonProps={{ 'aria-label': 'Retirer le fichier' }}
        />
        <Group>
          <Button disabled={!file} loading={send.isPending} onClick={() => send.mutate()}>
            Importer le relevé
          </Button>
        </Group>
        {send.error && fieldErrors.length === 0 && <FormError error={send.error} title="Import impossible" />}
        {fieldErrors.length > 0 && (
          <Alert color="red" variant="light" title="Le relevé comporte des erreurs : rien n’a été importé" role="alert">
            <List size="sm">
              {fieldErrors.map((e) => (
                <List.Item key={`${e.field}-${e.message}`}>{e.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {result && (
          <Alert color="green" variant="light" title="Relevé importé" role="status">
            {result.fileName} : {formatNumber(result.rows)} ligne{result.rows > 1 ? 's' : ''} (
            {formatNumber(result.created)} nouvelle{result.created > 1 ? 's' : ''}, {formatNumber(result.replaced)}{' '}
            remplacée
            {result.replaced > 1 ? 's' : ''}), {formatNumber(result.hours)} heures, mois{' '}
            {result.months.map(monthLabel).join(', ')}.
          </Alert>
        )}
      </Stack>
    </section>
  )
}
