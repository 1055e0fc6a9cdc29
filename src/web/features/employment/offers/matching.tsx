import { Badge, Button, Loader, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Match, Offer } from '../../../../shared/employment/offers.schema.ts'
import { FormError } from '../../../components/form-error.tsx'
import { formatNumber } from '../../../components/format.ts'
import { personName, romeTitle } from '../employment.labels.ts'
import { matchesQuery, offersApi, refreshEmployment } from './offers.api.ts'

// The matching list of an offer (docs/employment/offers.md « Matching », screens.md): the people whose job project,
// place and profile fit, best first, with why and what does not fit; the officer sees the structure's, a counsellor
// her own people. « Positionner » puts the person on the offer as a proposed candidate.

function PositionButton({ offer, match }: { offer: Offer; match: Match }) {
  const client = useQueryClient()
  const who = personName(match.person)
  const position = useMutation({
    mutationFn: () => offersApi.position(offer.id, { personId: match.person.id, note: null }),
    onSettled: () => refreshEmployment(client),
  })
  if (match.alreadyPositioned || position.isSuccess)
    return (
      <Badge variant="light" color="blue">
        Positionné(e)
      </Badge>
    )
  return (
    <>
      <Button
        size="xs"
        loading={position.isPending}
        onClick={() => position.mutate()}
        aria-label={`Positionner ${who}`}
      >
        Positionner
      </Button>
      <FormError error={position.error} title="Positionnement impossible" />
    </>
  )
}

export function MatchingList({ offer, canPosition }: { offer: Offer; canPosition: boolean }) {
  const matches = useQuery(matchesQuery(offer.id))
  const items = matches.data?.items ?? []
  return (
    <section aria-labelledby="offre-correspondances">
      <Title order={2} size="h3" id="offre-correspondances" mb="xs">
        Personnes correspondantes {matches.data && <Badge variant="light">{formatNumber(items.length)}</Badge>}
      </Title>
      <FormError error={matches.error} title="Chargement impossible" />
      {matches.isPending ? (
        <Loader aria-label="Recherche des personnes correspondantes" />
      ) : items.length === 0 ? (
        <Text>Aucune personne suivie n’a de projet qui corresponde à cette offre.</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover aria-label="Personnes correspondant à l’offre">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Personne</Table.Th>
                <Table.Th ta="right">Score</Table.Th>
                <Table.Th>Projet</Table.Th>
                <Table.Th>Pourquoi</Table.Th>
                <Table.Th>À vérifier</Table.Th>
                <Table.Th>Commune</Table.Th>
                {canPosition && <Table.Th>Action</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.person.id}>
                  <Table.Th scope="row" fw={500}>
                    {personName(m.person)}
                    {m.person.referentName && (
                      <Text size="xs" c="dimmed">
                        Référent : {m.person.referentName}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td ta="right">{formatNumber(m.score)}</Table.Td>
                  <Table.Td>{m.projectRomeCode ? romeTitle(m.projectRomeCode) : '—'}</Table.Td>
                  <Table.Td>{m.reasons.join(' ; ') || '—'}</Table.Td>
                  <Table.Td>
                    {m.warnings.length ? (
                      <Text size="sm" c="orange.9">
                        {m.warnings.join(' ; ')}
                      </Text>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{m.communeName ?? '—'}</Table.Td>
                  {canPosition && (
                    <Table.Td>
                      <PositionButton offer={offer} match={m} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  )
}
