import { List, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import type { Me } from '../../../shared/auth/auth.schema.ts'
import { addDays, addMonths } from '../../../shared/dates.ts'
import { AGE_OUT_WARNING_MONTHS, CEJ_END_WARNING_MONTHS } from '../../../shared/home/home.schema.ts'
import { currentTimeZone, formatDate, formatNumber, today } from '../../components/format.ts'
import { appointmentsQuery } from '../agenda/agenda.api.ts'
import { frenchTime } from '../agenda/labels.ts'
import { caseloadQuery } from '../caseload/caseload.api.ts'
import { AnchorLink } from '../persons/anchor-link.tsx'
import { HomeBlock } from './home-block.tsx'

/** How far back an appointment without its attendance is still listed as due. */
const ATTENDANCE_DAYS = 14
const SHOWN = 5
const AGE_OUT_PAGE = 100

/** The time now in the structure's zone, 'HH:MM' (today's appointments that ended are due). */
const nowTime = () =>
  new Intl.DateTimeFormat('fr-FR', {
    timeZone: currentTimeZone(),
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date())

/**
 * What is due: appointments of the last fortnight whose attendance is still to note, the people of the caseload turning
 * 26 within AGE_OUT_WARNING_MONTHS, and those whose CEJ ends within CEJ_END_WARNING_MONTHS.
 */
export function RemindersCard({ me }: { me: Me }) {
  const day = today()
  const past = useQuery(appointmentsQuery({ from: addDays(day, -ATTENDANCE_DAYS), to: day, counsellorId: me.id }))
  const base = { page: 1, pageSize: SHOWN, sort: 'name', order: 'asc' } as const
  // the caseload's filter also holds those already 26 and still followed: they are counted apart
  const ageOut = useQuery(
    caseloadQuery({ ...base, pageSize: AGE_OUT_PAGE, ageOutBefore: addMonths(day, AGE_OUT_WARNING_MONTHS) }),
  )
  const cej = useQuery(caseloadQuery({ ...base, cejEndBefore: addMonths(day, CEJ_END_WARNING_MONTHS) }))
  const time = nowTime()
  const toNote = (past.data ?? [])
    .filter((a) => !a.cancelled && a.counsellorId === me.id && (a.date < day || a.end <= time))
    .flatMap((a) => a.persons.filter((p) => p.attendance === null).map((p) => ({ a, p })))
  const turning = (ageOut.data?.items ?? []).filter((r) => r.ageOutDate >= day)
  const over = (ageOut.data?.items ?? []).filter((r) => r.ageOutDate < day)
  const nothing = !toNote.length && !ageOut.data?.total && !cej.data?.total
  return (
    <HomeBlock
      id="home-reminders"
      title="Échéances"
      loading={past.isPending || ageOut.isPending || cej.isPending}
      error={past.error ?? ageOut.error ?? cej.error}
    >
      {nothing && <Text size="sm">Rien à faire pour l’instant.</Text>}
      {toNote.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            Présences à noter ({formatNumber(toNote.length)})
          </Text>
          <List size="sm" spacing={4}>
            {toNote.slice(0, SHOWN).map(({ a, p }) => (
              <List.Item key={`${a.id}/${p.personId}`}>
                <AnchorLink to="/agenda" search={{ vue: 'liste', date: a.date }} size="sm">
                  {formatDate(a.date)} à {frenchTime(a.start)}
                </AnchorLink>{' '}
                : {p.lastName.toUpperCase()} {p.firstName}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {turning.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            26 ans dans moins de {AGE_OUT_WARNING_MONTHS} mois ({formatNumber(turning.length)})
          </Text>
          <List size="sm" spacing={4}>
            {turning.slice(0, SHOWN).map((r) => (
              <List.Item key={r.personId}>
                <AnchorLink to="/personnes/$id" params={{ id: r.personId }} size="sm">
                  {r.lastName.toUpperCase()} {r.firstName}
                </AnchorLink>{' '}
                : le {formatDate(r.ageOutDate)}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {over.length > 0 && (
        <Text size="sm">
          <AnchorLink to="/portefeuille" search={{ ageOutBefore: day }} size="sm">
            {formatNumber(over.length)} personne{over.length > 1 ? 's' : ''} de plus de 26 ans
          </AnchorLink>{' '}
          toujours suivie{over.length > 1 ? 's' : ''} : une sortie à enregistrer ?
        </Text>
      )}
      {!!cej.data?.total && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            Fin prévue du CEJ d’ici {CEJ_END_WARNING_MONTHS} mois, ou passée ({formatNumber(cej.data.total)})
          </Text>
          <List size="sm" spacing={4}>
            {cej.data.items.map((r) => (
              <List.Item key={r.personId}>
                <AnchorLink to="/personnes/$id" params={{ id: r.personId }} size="sm">
                  {r.lastName.toUpperCase()} {r.firstName}
                </AnchorLink>{' '}
                : fin prévue le {r.cejPlannedEnd ? formatDate(r.cejPlannedEnd) : '—'}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </HomeBlock>
  )
}
