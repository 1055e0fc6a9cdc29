import { Badge, Group, List, Table, Text, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Me } from '../../../shared/auth/auth.schema.ts'
import { can } from '../../../shared/auth/roles.ts'
import type { KeyFigures } from '../../../shared/home/home.schema.ts'
import { formatDate, formatNumber } from '../../components/format.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { keyFiguresQuery, teamAlertsQuery } from './home.api.ts'
import { HomeBlock } from './home-block.tsx'

// The director's home (docs/home.md): the year to date by site against the sites' objectives, and the people in
// alert by team with the way to them.

type Cell = KeyFigures['total'][number]

/** A figure, its objective and where it should be today, in words as well as in colour. */
function FigureCell({ cell }: { cell: Cell }) {
  if (cell.value === null) return <Text size="sm">—</Text>
  if (cell.target === null) return <Text size="sm">{formatNumber(cell.value)}</Text>
  const ahead = cell.value >= (cell.expected ?? 0)
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">
        {formatNumber(cell.value)} / {formatNumber(cell.target)}
      </Text>
      <Badge size="sm" variant="light" color={ahead ? 'green' : 'orange'}>
        {ahead ? 'dans l’objectif' : `en retard (attendu ${formatNumber(Math.round(cell.expected ?? 0))})`}
      </Badge>
    </Group>
  )
}

export function KeyFiguresCard({ me }: { me: Me }) {
  const q = useQuery(keyFiguresQuery())
  const k = q.data
  return (
    <HomeBlock
      id="home-key-figures"
      title={k ? `Chiffres clés ${k.year}, du ${formatDate(k.from)} au ${formatDate(k.to)}` : 'Chiffres clés'}
      loading={q.isPending}
      error={q.error}
      action={
        <Group gap="md">
          {can(me.role, 'siteObjectivesManage') && (
            <AnchorLink to="/objectifs-sites" size="sm">
              Objectifs des sites
            </AnchorLink>
          )}
          <AnchorLink to="/statistiques" size="sm">
            Statistiques détaillées
          </AnchorLink>
        </Group>
      }
    >
      {k && (
        <>
          <Text size="sm" c="dimmed">
            Valeur de l’année à ce jour / objectif de l’année ; « attendu » : l’objectif au prorata des jours écoulés.
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Site</Table.Th>
                  {k.figures.map((f) => (
                    <Table.Th key={f.key}>{f.label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {k.sites.map((s) => (
                  <Table.Tr key={s.siteId}>
                    <Table.Th scope="row" fw={400}>
                      {s.siteName}
                    </Table.Th>
                    {s.cells.map((c) => (
                      <Table.Td key={c.figure}>
                        <FigureCell cell={c} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">Toute la structure</Table.Th>
                  {k.total.map((c) => (
                    <Table.Td key={c.figure} fw={700}>
                      <FigureCell cell={c} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </HomeBlock>
  )
}

export function TeamAlertsCard() {
  const q = useQuery(teamAlertsQuery)
  const data = q.data
  return (
    <HomeBlock
      id="home-team-alerts"
      title={data ? `Alertes de contact par équipe au ${formatDate(data.today)}` : 'Alertes de contact par équipe'}
      loading={q.isPending}
      error={q.error}
    >
      {data && data.teams.length === 0 && <Text size="sm">Aucune personne suivie.</Text>}
      {data && data.teams.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Site</Table.Th>
                <Table.Th>Personnes suivies</Table.Th>
                <Table.Th>En alerte</Table.Th>
                <Table.Th>Par conseiller (en alerte / suivies)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.teams.map((team) => (
                <Table.Tr key={team.siteId}>
                  <Table.Th scope="row" fw={400}>
                    {team.siteName}
                  </Table.Th>
                  <Table.Td>{formatNumber(team.people)}</Table.Td>
                  <Table.Td fw={team.alerts ? 700 : 400}>{formatNumber(team.alerts)}</Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {team.counsellors.map((c) => (
                        <List.Item key={c.counsellorId}>
                          {c.alerts > 0 ? (
                            <AnchorLink
                              to="/portefeuille"
                              search={{ counsellorId: c.counsellorId, siteId: team.siteId, alert: 'only' }}
                              size="sm"
                            >
                              {c.name} : {formatNumber(c.alerts)}
                              <VisuallyHidden> en alerte</VisuallyHidden>
                            </AnchorLink>
                          ) : (
                            `${c.name} : 0`
                          )}{' '}
                          / {formatNumber(c.people)}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </HomeBlock>
  )
}
