import { Badge, Group, List, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Appointment } from '../../../shared/agenda/agenda.schema.ts'
import type { Me } from '../../../shared/auth/auth.schema.ts'
import { addDays } from '../../../shared/dates.ts'
import { formatDate, formatNumber, today } from '../../components/format.ts'
import { appointmentsQuery } from '../agenda/agenda.api.ts'
import { attendanceLabel, frenchTime, kindLabel } from '../agenda/labels.ts'
import { caseloadQuery } from '../caseload/caseload.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { HomeBlock } from './home-block.tsx'

// The counsellor's home (docs/home.md): the day's and the next day's appointments, the people in alert, what is due,
// and what others changed on the files they follow (changes.card.tsx). Loaded with the home page's chunk of cards.

const live = { refetchInterval: 30_000, refetchOnWindowFocus: 'always' } as const

/** One appointment: its times, kind and place, and each person (to their file) with arrival and attendance. */
export function AppointmentLine({ a, withCounsellor }: { a: Appointment; withCounsellor?: boolean }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {frenchTime(a.start)}–{frenchTime(a.end)} · {a.title ?? kindLabel(a.kind)} · {a.siteName}
        {withCounsellor ? ` · ${a.counsellorName}` : ''}
      </Text>
      {a.persons.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune personne inscrite
        </Text>
      ) : (
        a.persons.map((p) => (
          <Group key={p.personId} gap="xs">
            <AnchorLink to="/personnes/$id" params={{ id: p.personId }} size="sm">
              {p.lastName.toUpperCase()} {p.firstName}
            </AnchorLink>
            {p.arrivedTime && (
              <Badge color="teal.9" variant="filled" size="sm">
                Arrivé(e) à {frenchTime(p.arrivedTime)}
              </Badge>
            )}
            {p.attendance && (
              <Badge color={p.attendance === 'present' ? 'blue' : 'orange'} variant="light" size="sm">
                {attendanceLabel(p.attendance)}
              </Badge>
            )}
          </Group>
        ))
      )}
    </Stack>
  )
}

function Day({ title, list }: { title: string; list: Appointment[] }) {
  return (
    <Stack gap={6}>
      <Text fw={700} size="sm">
        {title}
      </Text>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucun rendez-vous.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.map((a) => (
            <li key={a.id}>
              <AppointmentLine a={a} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  )
}

export function AppointmentsCard({ me }: { me: Me }) {
  const day = today()
  const next = addDays(day, 1)
  const q = useQuery({ ...appointmentsQuery({ from: day, to: next, counsellorId: me.id }), ...live })
  const mine = (q.data ?? []).filter((a) => !a.cancelled && a.counsellorId === me.id)
  return (
    <HomeBlock
      id="home-appointments"
      title="Vos rendez-vous"
      loading={q.isPending}
      error={q.error}
      action={
        <AnchorLink to="/agenda" size="sm">
          Ouvrir l’agenda
        </AnchorLink>
      }
    >
      <Day title={`Aujourd’hui, ${formatDate(day)}`} list={mine.filter((a) => a.date === day)} />
      <Day title={`Demain, ${formatDate(next)}`} list={mine.filter((a) => a.date === next)} />
    </HomeBlock>
  )
}

export function AlertsCard() {
  const q = useQuery(caseloadQuery({ alert: 'only', page: 1, pageSize: 8, sort: 'lastContact', order: 'asc' }))
  const total = q.data?.total ?? 0
  return (
    <HomeBlock
      id="home-alerts"
      title="Personnes en alerte"
      loading={q.isPending}
      error={q.error}
      action={
        <AnchorLink to="/portefeuille" search={{ alert: 'only' }} size="sm">
          Voir le portefeuille
        </AnchorLink>
      }
    >
      <Text size="sm">
        {total === 0
          ? 'Personne n’est sans contact au-delà de la règle.'
          : `${formatNumber(total)} personne${total > 1 ? 's' : ''} sans contact au-delà de la règle de leur programme.`}
      </Text>
      {total > 0 && (
        <List size="sm" spacing={4}>
          {q.data!.items.map((r) => (
            <List.Item key={r.personId}>
              <AnchorLink to="/personnes/$id" params={{ id: r.personId }} size="sm">
                {r.lastName.toUpperCase()} {r.firstName}
              </AnchorLink>
              {r.daysSinceContact === null
                ? ` : aucun contact (règle : ${r.contactDays} jours)`
                : ` : ${formatNumber(r.daysSinceContact)} jours sans contact (règle : ${r.contactDays})`}
            </List.Item>
          ))}
        </List>
      )}
    </HomeBlock>
  )
}
