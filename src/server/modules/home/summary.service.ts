import { addMonths, dayIn } from '../../../shared/dates.ts'
import {
  AGE_OUT_WARNING_MONTHS,
  CEJ_END_WARNING_MONTHS,
  type PersonSummary,
  type SummaryAlert,
  TIMELINE_SHOWN,
} from '../../../shared/home/home.schema.ts'
import { ageOutDate } from '../../../shared/lists/list.schema.ts'
import { eventKinds, type SituationKind, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import type { Actor, Tx } from '../../deps.ts'
import { contactStateOf } from '../accompaniment/index.ts'
import { nextAppointmentOf } from '../agenda/index.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import { cejEndOf, openEnrolments, openSituations, timelineOf } from './summary.repository.ts'

const situationLabel = (kind: string) => situationKinds[kind as SituationKind]?.label ?? kind
const eventLabel = (kind: string) => (eventKinds.labels as Record<string, string>)[kind] ?? kind

/**
 * The person file's first tab: what is open today (situations, programmes), the next appointment, the latest dated
 * facts, and the alerts — no contact for longer than the rule (the caseload's), turning 26 within
 * AGE_OUT_WARNING_MONTHS, the CEJ's planned end within CEJ_END_WARNING_MONTHS (or past, the enrolment still open).
 */
export async function personSummary(tx: Tx, actor: Actor, personId: string, now: Date): Promise<PersonSummary> {
  const person = await loadVisiblePerson(tx, actor, personId, now)
  const today = dayIn(now, actor.timeZone)
  const { structureId } = actor
  const [situations, enrolments, contact, cejEnd, timeline, next] = [
    await openSituations(tx, structureId, personId, today),
    await openEnrolments(tx, structureId, personId, today),
    await contactStateOf(tx, structureId, personId, today),
    await cejEndOf(tx, structureId, personId, today),
    await timelineOf(tx, structureId, personId, today, TIMELINE_SHOWN),
    await nextAppointmentOf(tx, actor, personId, now),
  ]
  const alerts: SummaryAlert[] = []
  if (contact?.alert)
    alerts.push({
      kind: 'contact',
      lastContactDate: contact.lastContact,
      days: contact.days,
      ruleDays: contact.ruleDays,
    })
  const ageOut = ageOutDate(person.birth_date)
  if (ageOut >= today && ageOut <= addMonths(today, AGE_OUT_WARNING_MONTHS))
    alerts.push({ kind: 'age_out', date: ageOut })
  if (cejEnd && cejEnd <= addMonths(today, CEJ_END_WARNING_MONTHS)) alerts.push({ kind: 'cej_end', date: cejEnd })
  return {
    today,
    situations: situations.map((s) => ({
      id: s.id,
      label: situationLabel(s.kind),
      startDate: s.start_date,
      until: s.end_date ?? s.planned_end_date,
    })),
    enrolments: enrolments.map((e) => ({
      id: e.id,
      code: e.code,
      name: e.name,
      entryDate: e.entry_date,
      referentName: e.referent_name,
    })),
    nextAppointment: next,
    lastContactDate: contact?.lastContact ?? null,
    timeline: timeline.map((t) => ({
      key: `${t.kind}/${t.id}`,
      date: t.date,
      kind: t.kind,
      label: t.kind === 'event' ? eventLabel(t.code) : t.kind.startsWith('situation') ? situationLabel(t.code) : t.code,
      attendance: t.kind === 'event' ? t.attendance : null,
    })),
    alerts,
  }
}
