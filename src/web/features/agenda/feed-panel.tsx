import { Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { FormError } from '../../components/form-error.tsx'
import { formatDateTime } from '../../components/format.ts'
import { agendaApi, feedQuery } from './agenda.api.ts'

/**
 * My agenda in another calendar (a phone): a private link, shown once when made (only its fingerprint is kept);
 * regenerating it stops the old one, revoking stops it. The feed shows first names only.
 */
export function FeedPanel() {
  const client = useQueryClient()
  const state = useQuery(feedQuery)
  const refresh = () => client.invalidateQueries({ queryKey: feedQuery.queryKey })
  const make = useMutation({ mutationFn: agendaApi.makeFeed, onSuccess: refresh })
  const revoke = useMutation({ mutationFn: agendaApi.revokeFeed, onSuccess: refresh })
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          Mon agenda dans un autre calendrier
        </Title>
        <FormError error={make.error ?? revoke.error} />
        <Text size="sm">
          Un lien privé (iCal) à ajouter à votre calendrier : il montre vos rendez-vous avec le prénom des personnes
          seulement. Gardez-le pour vous ; régénérez-le s’il a circulé.
        </Text>
        {make.data ? (
          <Text size="sm">
            Votre lien (il ne sera plus affiché) : <Code>{make.data.url}</Code>
          </Text>
        ) : state.data?.active ? (
          <Text size="sm">Un lien existe depuis le {formatDateTime(state.data.createdAt!)}.</Text>
        ) : (
          <Text size="sm">Aucun lien pour l’instant.</Text>
        )}
        <Group>
          <Button variant="light" loading={make.isPending} onClick={() => make.mutate()}>
            {state.data?.active ? 'Régénérer le lien' : 'Créer le lien'}
          </Button>
          {state.data?.active && (
            <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
              Révoquer le lien
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  )
}
