import { Alert, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { plieCommunesInputSchema } from '../../../../shared/plie/organisations.schema.ts'
import { isApiError } from '../../../api.ts'
import { FormActions } from '../../../components/form-actions.tsx'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { Page } from '../../../components/page.tsx'
import { CommuneSelect } from '../../admin/commune-select.tsx'
import { type PlieCommune, plieCommunesQuery, setupApi } from './setup.api.ts'

// « Communes membres » (docs/plie.md « Setup and partners »): the communes whose residents the PLIE may take in (the
// eligibility's first rule), chosen from the official list with the site form's commune picker.

function CommunesForm({ communes }: { communes: PlieCommune[] }) {
  const queryClient = useQueryClient()
  const [codes, setCodes] = useState(() => communes.map((c) => c.code))
  const [error, setError] = useState<string>()
  const save = useMutation({
    mutationFn: (list: string[]) => setupApi.setCommunes(list),
    onSuccess: (saved) => queryClient.setQueryData(plieCommunesQuery.queryKey, saved),
  })
  const fieldError = isApiError(save.error) ? save.error.fieldErrors().communes : undefined
  return (
    <form
      noValidate
      aria-label="Modifier les communes membres"
      onSubmit={(e) => {
        e.preventDefault()
        const checked = plieCommunesInputSchema.safeParse({ communes: codes })
        setError(checked.success ? undefined : checked.error.issues[0]?.message)
        if (checked.success) save.mutate(codes)
      }}
    >
      <Stack gap="md">
        <FormError error={save.error} title="Enregistrement impossible" />
        {save.isSuccess && !save.isPending && (
          <Alert color="green" role="status">
            Communes membres enregistrées.
          </Alert>
        )}
        <CommuneSelect value={codes} onChange={setCodes} initial={communes} error={error ?? fieldError} />
        <FormActions saving={save.isPending} />
      </Stack>
    </form>
  )
}

export function CommunesPage() {
  const communes = useQuery(plieCommunesQuery)
  return (
    <Page title="Communes membres">
      <Text>
        Les communes dont les habitants peuvent entrer dans un parcours PLIE : l’éligibilité d’une personne commence par
        sa commune de résidence. Ajoutez ou retirez des communes de la liste officielle, puis enregistrez.
      </Text>
      <FormError error={communes.error} title="Chargement impossible" />
      {communes.isPending ? (
        <Loader aria-label="Chargement des communes membres" />
      ) : (
        communes.data && (
          <>
            <CommunesForm communes={communes.data} />
            <section aria-labelledby="plie-communes-list">
              <Title order={2} size="h3" id="plie-communes-list" mb="xs">
                Liste des communes membres ({formatNumber(communes.data.length)})
              </Title>
              {communes.data.length === 0 ? (
                <Alert color="orange">
                  Aucune commune membre : personne ne peut être trouvé éligible tant que la liste est vide.
                </Alert>
              ) : (
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Code INSEE</Table.Th>
                      <Table.Th>Commune</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {communes.data.map((c) => (
                      <Table.Tr key={c.code}>
                        <Table.Td>{c.code}</Table.Td>
                        <Table.Td>{c.name}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </section>
          </>
        )
      )}
    </Page>
  )
}
