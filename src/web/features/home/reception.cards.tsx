import { Badge, Button, Group, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import type { Me } from '../../../shared/auth/auth.schema.ts'
import { FormError } from '../../components/form-error.tsx'
import { formatDate, today } from '../../components/format.ts'
import { appointmentsQuery, refreshAgenda } from '../agenda/agenda.api.ts'
import { frenchTime, kindLabel } from '../agenda/labels.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { homeApi } from './home.api.ts'
import { HomeBlock } from './home-block.tsx'

// Reception's home (docs/home.md): the search box first (who is this person?), then today's expected arrivals of each
// of its sites, with the one click that tells the counsellor, and its undo for a click on the wrong line.

export function SearchCard() {
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  return (
    <HomeBlock id="home-search" title="Rechercher une personne">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void navigate({ to: '/personnes', search: q.trim() ? { q: q.trim() } : {} })
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Nom, prénom, date de naissance ou téléphone"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: '1 1 280px' }}
            autoComplete="off"
          />
          <Button type="submit">Rechercher</Button>
          <AnchorLink to="/personnes/nouvelle">Créer un dossier</AnchorLink>
        </Group>
      </form>
    </HomeBlock>
  )
}

/** Today's appointments of reception's sites, site by site, each person with "Arrivé(e)" or the time they arrived. */
export function ArrivalsCard({ me }: { me: Me }) {
  const day = today()
  const queryClient = useQueryClient()
  const q = useQuery({
    ...appointmentsQuery({ from: day, to: day }),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  })
  const arrived = useMutation({
    mutationFn: homeApi.arrived,
    onSettled: () => refreshAgenda(queryClient),
  })
  const undo = useMutation({
    mutationFn: homeApi.undoArrival,
    onSettled: () => refreshAgenda(queryClient),
  })
  const list = (q.data ?? []).filter((a) => !a.cancelled && a.persons.length > 0)
  return (
    <HomeBlock
      id="home-arrivals"
      title={`Arrivées attendues aujourd’hui, ${formatDate(day)}`}
      loading={q.isPending}
      error={q.error}
    >
      <FormError error={arrived.error} title="Arrivée non enregistrée" />
      <FormError error={undo.error} title="Arrivée non annulée" />
      {me.sites.map((site) => {
        const rows = list.filter((a) => a.siteId === site.id).flatMap((a) => a.persons.map((p) => ({ a, p })))
        return (
          <Stack key={site.id} gap={6}>
            <Title order={3} size="h5" id={`arrivals-${site.id}`}>
              {site.name}
            </Title>
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                Aucun rendez-vous attendu.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-labelledby={`arrivals-${site.id}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Heure</Table.Th>
                      <Table.Th>Personne</Table.Th>
                      <Table.Th>Rendez-vous</Table.Th>
                      <Table.Th>Arrivée</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map(({ a, p }) => {
                      const name = `${p.lastName.toUpperCase()} ${p.firstName}`
                      return (
                        <Table.Tr key={`${a.id}/${p.personId}`}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{frenchTime(a.start)}</Table.Td>
                          <Table.Td>{name}</Table.Td>
                          <Table.Td>
                            {a.title ?? kindLabel(a.kind)} avec {a.counsellorName}
                          </Table.Td>
                          <Table.Td>
                            {p.arrivedTime ? (
                              <Group gap="xs" wrap="nowrap">
                                <Badge color="teal.9" variant="filled">
                                  Arrivé(e) à {frenchTime(p.arrivedTime)}
                                </Badge>
                                <Button
                                  size="xs"
                                  variant="subtle"
                                  color="red.9"
                                  loading={
                                    undo.isPending &&
                                    undo.variables?.appointmentId === a.id &&
                                    undo.variables.personId === p.personId
                                  }
                                  onClick={() => undo.mutate({ appointmentId: a.id, personId: p.personId })}
                                >
                                  Annuler l’arrivée
                                  <VisuallyHidden>{` : ${name}, ${frenchTime(a.start)}`}</VisuallyHidden>
                                </Button>
                              </Group>
                            ) : (
                              <Button
                                size="xs"
                                loading={
                                  arrived.isPending &&
                                  arrived.variables?.appointmentId === a.id &&
                                  arrived.variables.personId === p.personId
                                }
                                onClick={() => arrived.mutate({ appointmentId: a.id, personId: p.personId })}
                              >
                                Arrivé(e)
                                <VisuallyHidden>{` : ${name}, ${frenchTime(a.start)}`}</VisuallyHidden>
                              </Button>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
        )
      })}
    </HomeBlock>
  )
}
