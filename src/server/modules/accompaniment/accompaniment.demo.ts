import type { Insertable } from 'kysely'
import type { ProgrammeType } from '../../../shared/admin/admin.schema.ts'
import { DEFAULT_TIME_ZONE } from '../../../shared/dates.ts'
import { propositionThemes } from '../../../shared/nomenclatures/accompaniment.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import type { Tx } from '../../deps.ts'
import type { EnrolmentTable, EventTable, PropositionTable, SituationTable } from './accompaniment.tables.ts'
import { addDays, ageOn, daysBetween, localDay } from './dates.ts'
import {
  adultSituations,
  generator,
  int,
  organisationFor,
  pick,
  themeTexts,
  themeWeights,
  trainings,
  weighted,
  youngSituations,
} from './demo-data.ts'

// The accompaniment of the demo persons (created by the persons loader, which runs first): programme enrolments,
// events over the last months and appointments to come, propositions by domain × theme in the 2009 proportions,
// situations with some under way. Deterministic: each person's history comes from a generator seeded by who they are.

/** Contact rules: days without contact, and while a step (a situation) is under way. */
const rules: Record<string, [number | null, number | null]> = {
  ML: [90, null],
  PLIE: [30, 90],
  CIVIS: [30, 60],
  CEJ: [30, 60],
  PARRAINAGE: [null, null],
}
const schemes: { code: string; name: string; type: ProgrammeType }[] = [
  { code: 'CIVIS', name: 'CIVIS — Contrat d’insertion dans la vie sociale', type: 'civis' },
  { code: 'CEJ', name: 'CEJ — Contrat d’engagement jeune', type: 'cej' },
  { code: 'PARRAINAGE', name: 'Parrainage vers l’emploi', type: 'mentoring' },
]
const CONSEILLER = 'conseiller@demo.jalon.fr'
const REFERENT_PLIE = 'referent.plie@demo.jalon.fr'
const ACCUEIL = 'accueil@demo.jalon.fr'

interface DemoPerson {
  id: string
  birth_date: string
  site_id: string
  referent_id: string | null
  first_reception_date: string | null
  last_name: string
  first_name: string
}
type Rows = {
  enrolments: Insertable<EnrolmentTable>[]
  situations: Insertable<SituationTable>[]
  events: Insertable<EventTable>[]
  propositions: Insertable<PropositionTable>[]
}

async function setUpProgrammes(tx: Tx, ctx: DemoContext) {
  // the 2009 data set, loaded first, may have created CIVIS (the same scheme): it is taken over, not duplicated
  for (const s of schemes) {
    const { id } = await tx
      .insertInto('programme')
      .values({ structure_id: ctx.structureId, code: s.code, name: s.name, kind: 'scheme', type: s.type })
      .onConflict((oc) =>
        oc.columns(['structure_id', 'code']).doUpdateSet({ name: s.name, kind: 'scheme', type: s.type }),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
    ctx.programmeIds.set(s.code, id)
  }
  for (const [code, [days, duringStep]] of Object.entries(rules))
    await tx
      .updateTable('programme')
      .set({ contact_days: days, contact_days_during_step: duringStep })
      .where('structure_id', '=', ctx.structureId)
      .where('code', '=', code)
      .execute()
}

/** The day the person came in: their first reception (persons loader), or a day drawn for them. */
const entryOf = (p: DemoPerson, today: string) =>
  p.first_reception_date ??
  addDays(today, -int(generator(`entry|${p.last_name}|${p.first_name}|${p.birth_date}`), 60, 600))
/** Mission Locale age at entry (16–25); older persons are the PLIE's. */
const isYoung = (p: DemoPerson, today: string) => ageOn(p.birth_date, entryOf(p, today)) <= 25

/** One person's history. `alert`: whether the last contact must be older than the person's contact rule allows. */
function history(p: DemoPerson, today: string, ctx: DemoContext, referent: string | null, alert: boolean, out: Rows) {
  const r = generator(`${p.last_name}|${p.first_name}|${p.birth_date}`)
  const base = { structure_id: ctx.structureId, person_id: p.id, external_id: null }
  const entry = entryOf(p, today)
  const young = isYoung(p, today)
  const plieReferent = ctx.userIds.get(REFERENT_PLIE) ?? null
  const open: string[] = []
  const enrol = (code: string, from: string, months: number | null, who: string | null, reinforced = false) => {
    if (from > today) return
    const end = months === null ? null : addDays(from, months * 30)
    const exited = end !== null && end < today
    const exitReason = exited
      ? weighted(r, [
          ['end_of_programme', 5],
          ['cdd_over_6_months', 2],
          ['work_study', 1],
          ['moved_away', 1],
        ])
      : null
    out.enrolments.push({
      ...base,
      programme_id: ctx.programmeIds.get(code)!,
      entry_date: from,
      exit_date: exited ? end : null,
      exit_reason: exitReason,
      reinforced,
      referent_id: who,
    })
    if (!exited) open.push(code)
  }
  if (young) enrol('ML', entry, null, referent)
  if (!young || (ageOn(p.birth_date, entry) >= 21 && r() < 0.1))
    enrol('PLIE', addDays(entry, int(r, 0, 45)), null, young ? plieReferent : (referent ?? plieReferent))
  if (young && r() < 0.2) enrol('CIVIS', addDays(entry, int(r, 15, 90)), 12, referent, r() < 0.3)
  else if (young && r() < 0.18) enrol('CEJ', addDays(entry, int(r, 15, 90)), int(r, 6, 12), referent, r() < 0.4)
  if (young && r() < 0.07) enrol('PARRAINAGE', addDays(entry, int(r, 30, 120)), 6, referent)

  // situations, one after another, the last perhaps still under way
  let start = addDays(entry, int(r, 20, 120))
  let stepOpen = false
  for (
    let n = weighted(r, [
      [0, 45],
      [1, 30],
      [2, 17],
      [3, 8],
    ]);
    n > 0 && start < today;
    n--
  ) {
    const kind = weighted(r, young ? youngSituations : adultSituations)
    const end = addDays(start, kind === 'cdi' ? 900 : int(r, 14, 300))
    const running = end >= today
    stepOpen ||= running
    out.situations.push({
      ...base,
      kind,
      start_date: start,
      planned_end_date: kind === 'cdi' ? null : end,
      end_date: running ? null : end,
      organisation_name: organisationFor(r, kind),
      hours_per_week: trainings.includes(kind) ? 30 : pick(r, [35, 35, 24, 20, 28]),
      counsellor_id: referent,
      note: null,
    })
    start = addDays(end, int(r, 7, 90))
  }

  // the contact rule, as the caseload computes it; then the last contact on the right side of it
  const applicable = open
    .map((code) => (stepOpen && rules[code]![1] !== null ? rules[code]![1] : rules[code]![0]))
    .filter((d): d is number => d !== null)
  const rule = applicable.length ? Math.min(...applicable) : 90
  const known = daysBetween(entry, today)
  const gap = alert
    ? Math.min(known, rule + int(r, 5, 60))
    : int(r, 1, Math.max(1, Math.min(known, Math.floor(rule * 0.7))))
  const lastContact = addDays(today, -gap)
  const event = (date: string, kind: string, attendance: EventTable['attendance']) => {
    const minutes = {
      individual_interview: [30, 60],
      workshop: [120, 180],
      info_session: [60, 120],
      phone: [5, 20],
      mail: [5, 10],
      visit: [45, 90],
      first_reception: [30, 45],
    }[kind] ?? [30, 45]
    out.events.push({
      ...base,
      kind,
      date,
      site_id: p.site_id,
      counsellor_id: referent,
      duration_minutes: attendance === 'present' ? int(r, minutes[0]!, minutes[1]!) : null,
      attendance,
      note: null,
    })
    if (attendance !== 'present') return
    const count =
      kind === 'individual_interview'
        ? weighted(r, [
            [0, 30],
            [1, 45],
            [2, 20],
            [3, 5],
          ])
        : kind === 'workshop' || kind === 'info_session'
          ? weighted(r, [
              [0, 40],
              [1, 60],
            ])
          : kind === 'phone'
            ? weighted(r, [
                [0, 70],
                [1, 30],
              ])
            : 0
    for (let i = 0; i < count; i++) {
      const theme = weighted(r, themeWeights)
      const old = daysBetween(date, today) > 60
      out.propositions.push({
        ...base,
        date,
        domain: propositionThemes[theme].domain,
        theme,
        text: pick(r, themeTexts[theme]),
        outcome: old
          ? weighted(r, [
              ['achieved', 35],
              ['accepted', 25],
              ['refused', 10],
              ['abandoned', 10],
              ['pending', 20],
            ])
          : weighted(r, [
              ['pending', 60],
              ['accepted', 30],
              ['refused', 10],
            ]),
        duration_minutes: int(r, 10, 45),
        counsellor_id: referent,
        site_id: p.site_id,
      })
    }
  }
  const everyday = [
    ['individual_interview', 50],
    ['phone', 20],
    ['workshop', 10],
    ['mail', 10],
    ['info_session', 5],
    ['visit', 5],
  ] as const
  if (!p.first_reception_date) event(entry, 'first_reception', 'present')
  for (let d = addDays(entry, int(r, 7, 30)); d < lastContact; d = addDays(d, int(r, 12, 45)))
    event(
      d,
      weighted(r, everyday),
      weighted<'present' | 'excused' | 'absent'>(r, [
        ['present', 85],
        ['excused', 8],
        ['absent', 7],
      ]),
    )
  if (lastContact > entry)
    event(
      lastContact,
      weighted(r, [
        ['individual_interview', 3],
        ['phone', 1],
      ]),
      'present',
    )
  if (alert && gap > 2 && r() < 0.6) event(addDays(lastContact, int(r, 1, gap - 1)), 'individual_interview', 'absent')
  if (!alert && r() < 0.7) event(addDays(today, int(r, 1, 35)), 'individual_interview', null)
  if (!alert && r() < 0.2) event(addDays(today, int(r, 3, 50)), 'workshop', null)
}

async function insertAll(ctx: DemoContext, rows: Rows) {
  await ctx.bulk.write('enrolment', rows.enrolments)
  await ctx.bulk.write('situation', rows.situations)
  await ctx.bulk.write('event', rows.events)
  await ctx.bulk.write('proposition', rows.propositions)
}

export async function loadAccompanimentDemo(tx: Tx, ctx: DemoContext) {
  await setUpProgrammes(tx, ctx)
  const today = localDay(ctx.now, DEFAULT_TIME_ZONE) // the demo organisation keeps the default zone
  const persons: DemoPerson[] = await tx
    .selectFrom('person')
    .select(['id', 'birth_date', 'site_id', 'referent_id', 'first_reception_date', 'last_name', 'first_name'])
    .where('structure_id', '=', ctx.structureId)
    .where('id', 'in', ctx.personIds.length ? ctx.personIds : [null as unknown as string]) // the demo's, not the data set's
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('birth_date')
    .orderBy('id')
    .execute()
  const conseiller = ctx.userIds.get(CONSEILLER)!
  const plieReferent = ctx.userIds.get(REFERENT_PLIE)!
  const mlBySite = new Map<string, string>([
    [ctx.siteIds.get('A-DK-CTR')!, conseiller],
    [ctx.siteIds.get('P-HOND')!, conseiller],
    [ctx.siteIds.get('A-GS')!, plieReferent],
  ])
  // the young are followed by the counsellor of their site, adults by the PLIE referent, unless the file names one
  const referentOf = new Map(
    persons.map((p) => [p.id, p.referent_id ?? (isYoung(p, today) ? mlBySite.get(p.site_id) : plieReferent) ?? null]),
  )
  // the demo counsellor gets a caseload of at least 12; among those known long enough, one in three has gone
  // too long without contact
  const mine = persons.filter((p) => referentOf.get(p.id) === conseiller)
  for (const p of persons)
    if (mine.length < 12 && !referentOf.get(p.id) && isYoung(p, today)) {
      referentOf.set(p.id, conseiller)
      mine.push(p)
    }
  const longKnown = mine.filter((p) => daysBetween(entryOf(p, today), today) >= 100)
  const alerts = new Set(longKnown.filter((_, i) => i % 3 === 0).map((p) => p.id))
  const mineIds = new Set(mine.map((p) => p.id))
  const rows: Rows = { enrolments: [], situations: [], events: [], propositions: [] }
  // each person's first reception, as creating the file records it (the module's on.personCreated): by the referent,
  // else at the reception desk
  const accueil = ctx.userIds.get(ACCUEIL) ?? null
  const receptions: Insertable<EventTable>[] = []
  for (const p of persons)
    if (p.first_reception_date)
      receptions.push({
        structure_id: ctx.structureId,
        person_id: p.id,
        kind: 'first_reception',
        date: p.first_reception_date,
        site_id: p.site_id,
        counsellor_id: p.referent_id ?? accueil,
        attendance: 'present',
      })
  await ctx.bulk.write('event', receptions)
  for (const p of persons) {
    const alert = mineIds.has(p.id)
      ? alerts.has(p.id)
      : generator(`alert|${p.last_name}|${p.first_name}|${p.birth_date}`)() < 0.25
    history(p, today, ctx, referentOf.get(p.id) ?? null, alert, rows)
  }
  await insertAll(ctx, rows)
}
