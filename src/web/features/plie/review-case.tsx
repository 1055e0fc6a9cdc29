import { Button, Group, Select, Stack, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { FormError } from '../../components/form-error.tsx'
import { formatDate } from '../../components/format.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { committeesQuery, plieApi, refreshPlie } from './plie.api.ts'

/** « Inscrire à un comité »: an open pathway put on a planned committee's agenda for a review (point de parcours). */
export function ReviewCase({ enrolmentId }: { enrolmentId: string }) {
  const client = useQueryClient()
  const committees = useQuery(committeesQuery({}))
  const [choice, setChoice] = useState<string | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const add = useMutation({
    mutationFn: (id: string) => plieApi.addCase(id, { enrolmentId }),
    onSuccess: (committee) => {
      setAdded(committee.id)
      setChoice(null)
    },
    onSettled: () => refreshPlie(client),
  })
  const options = (committees.data?.items ?? [])
    .filter((c) => c.status === 'planned')
    .map((c) => ({ value: c.id, label: `${c.siteName} — comité du ${formatDate(c.date)}` }))
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (choice) add.mutate(choice)
      }}
    >
      <Stack gap="xs">
        <FormError error={add.error ?? committees.error} title="Inscription impossible" />
        <Group align="flex-end">
          <Select
            label="Point de parcours au comité"
            placeholder={options.length === 0 ? 'Aucun comité planifié' : 'Choisissez un comité'}
            w={360}
            data={options}
            value={choice}
            onChange={setChoice}
          />
          <Button type="submit" variant="default" disabled={!choice} loading={add.isPending}>
            Inscrire à l’ordre du jour
          </Button>
        </Group>
        {added && (
          <Text role="status">
            Inscrit.{' '}
            <AnchorLink to="/plie/comites/$id" params={{ id: added }}>
              Voir l’ordre du jour du comité
            </AnchorLink>
          </Text>
        )}
      </Stack>
    </form>
  )
}
