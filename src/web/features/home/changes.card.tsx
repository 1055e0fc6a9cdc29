import { Button, List, Text } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { formatDateTime, formatNumber } from '../../components/format.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { changesQuery, homeApi } from './home.api.ts'
import { HomeBlock } from './home-block.tsx'

/** What others changed on the files the counsellor follows since she marked them seen (the audit trail, in words). */
export function ChangesCard() {
  const queryClient = useQueryClient()
  const q = useQuery(changesQuery)
  const seen = useMutation({
    mutationFn: homeApi.changesSeen,
    onSuccess: (data) => queryClient.setQueryData(changesQuery.queryKey, data),
  })
  const data = q.data
  return (
    <HomeBlock
      id="home-changes"
      title="Changements récents dans vos dossiers"
      loading={q.isPending}
      error={q.error ?? seen.error}
      action={
        data && data.total > 0 ? (
          <Button size="compact-sm" variant="light" loading={seen.isPending} onClick={() => seen.mutate()}>
            Marquer comme vus
          </Button>
        ) : undefined
      }
    >
      {data && (
        <>
          <Text size="sm" c="dimmed">
            Depuis le {formatDateTime(data.since)}
            {data.seenAt ? ' (votre dernière visite)' : ''}, par d’autres que vous.
          </Text>
          {data.total === 0 ? (
            <Text size="sm">Aucun changement.</Text>
          ) : (
            <List size="sm" spacing={4}>
              {data.items.map((c) => (
                <List.Item key={c.personId}>
                  <AnchorLink to="/personnes/$id" params={{ id: c.personId }} size="sm">
                    {c.lastName.toUpperCase()} {c.firstName}
                  </AnchorLink>{' '}
                  : {c.what.join(', ')} ({formatNumber(c.count)} modification{c.count > 1 ? 's' : ''}, la dernière par{' '}
                  {c.lastBy} le {formatDateTime(c.lastAt)})
                </List.Item>
              ))}
            </List>
          )}
          {data.total > data.items.length && (
            <Text size="sm" c="dimmed">
              Et {formatNumber(data.total - data.items.length)} autre(s) dossier(s).
            </Text>
          )}
        </>
      )}
    </HomeBlock>
  )
}
