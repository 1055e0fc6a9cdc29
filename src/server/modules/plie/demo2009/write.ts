import type { BulkWriter } from '../../../demo/bulk.ts'
import { mapRows } from '../../../demo/bulk.ts'
import type { DemoContext } from '../../../demo/demo-context.ts'
import { hashString, Random } from '../../../demo/random.ts'
import { type Day, day, isoDay, ymd } from '../../../demo/year2009/days.ts'
import { writeDepartmentStaff, writePersonFileRows } from '../../../demo/year2009/department-rows.ts'
import type { RowCounts, Year2009Base } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'
import { findCommune } from '../../reference/communes.ts'
import { writeCommittees } from './committees-write.ts'
import { esfAnswers } from './esf.ts'
import type { PliePathway, PliePlan } from './plan-types.ts'

// Writes the PLIE plan through the demo's bulk writer, on the demo's transaction. The referents, the adults, their
// status periods and situations, and the pathways' enrolments are rows of the admin, persons and accompaniment
// modules: built here, written by the data set's loader (src/server/demo/year2009/department-rows.ts) as for the
// Mission Locale part; the PLIE writes its own tables beside them. Ids are drawn from a generator seeded with the
// structure, after the Mission Locale part's.

/** ids in increasing order, above the Mission Locale part's (its counter starts at 0) */
function orderedIds(r: Random): () => string {
  let n = 0x80000000
  return () => `${(n++).toString(16).padStart(8, '0')}${r.uuid().slice(8)}`
}

const onBirthday = (birth: Day, age: number) => {
  const [y, m, d] = ymd(birth)
  return day(y + age, m, d)
}

export async function writePliePlan(
  tx: Tx,
  bulk: BulkWriter,
  ctx: DemoContext,
  base: Year2009Base,
  plan: PliePlan,
): Promise<RowCounts> {
  const s = ctx.structureId
  const ids = new Random(hashString(`jalon-plie-2009:${s}`))
  const nextId = orderedIds(ids)
  const counts: RowCounts = {}
  const plieId = ctx.programmeIds.get('PLIE')
  if (!plieId) throw new Error('the structure has no PLIE programme')
  const anySite = [...ctx.siteIds.values()][0]
  const siteId = (code: string) => ctx.siteIds.get(code) ?? anySite

  // the pathway referents
  const staffId = await writeDepartmentStaff(
    tx,
    bulk,
    ctx,
    plan.staff.map((m) => ({ email: m.email, displayName: m.displayName, siteId: siteId(m.site) })),
    plieId,
    counts,
  )

  const organisationId = plan.organisations.map(() => ids.uuid())
  counts.plie_organisation = await bulk.write(
    'plie_organisation',
    plan.organisations.map((o, k) => ({
      structure_id: s,
      id: organisationId[k],
      kind: o.kind,
      name: o.name,
      agreement: o.agreement,
      places: o.places,
      external_id: `PLIE2009-ORG-${String(k + 1).padStart(2, '0')}`,
    })),
  )

  // the adults
  const adultId = plan.adults.map(() => nextId())
  const referentOf = new Map<number, number>()
  for (const w of plan.pathways) if (w.adult !== null) referentOf.set(w.adult, w.referent)
  const persons = mapRows(plan.adults, (a) => {
    const commune = findCommune(a.commune)
    return {
      id: adultId[a.i],
      structure_id: s,
      external_id: `PLIE-${String(a.i + 1).padStart(6, '0')}`,
      last_name: a.lastName,
      first_name: a.firstName,
      sex: a.sex,
      birth_date: isoDay(a.birth),
      phone: null,
      email: null,
      address: a.address,
      postcode: commune?.postcode ?? null,
      commune_code: a.commune,
      commune_name: commune?.name ?? null,
      priority_area: a.zus ? ('zus' as const) : null,
      site_id: siteId(a.site),
      referent_id: staffId[referentOf.get(a.i)!],
      first_reception_date: isoDay(a.firstReception),
      referral_source: 'france_travail',
      search_name: '', // folded by the person_search_name trigger
    }
  })
  const personOf = (w: PliePathway) => (w.adult !== null ? adultId[w.adult] : base.personIds[w.youth!])
  const birthOf = (w: PliePathway) =>
    w.adult !== null ? plan.adults[w.adult].birth : base.plan.persons[w.youth!].birth

  // statuses held on the entry day
  const r = new Random(hashString('jalon-plie-2009-statuses'))
  const statuses = (function* () {
    for (const w of plan.pathways) {
      const row = (status: 'rsa' | 'long_term_unemployed' | 'rqth', start: Day, end: Day | null) => ({
        id: nextId(),
        structure_id: s,
        person_id: personOf(w),
        status,
        detail: null,
        start_date: isoDay(start),
        end_date: end === null ? null : isoDay(end),
        recorded_by: staffId[w.referent],
      })
      const birth = birthOf(w)
      if (w.rsa) yield row('rsa', Math.max(w.entry - r.int(60, 1200), onBirthday(birth, 25)), null)
      if (w.longTermUnemployed)
        yield row('long_term_unemployed', Math.max(w.entry - r.int(370, 720), onBirthday(birth, 16)), w.exit)
      if (w.disabledWorker) yield row('rqth', Math.max(w.entry - r.int(100, 2500), onBirthday(birth, 16)), null)
    }
  })()

  const enrolmentId = plan.pathways.map(() => nextId())
  const enrolments = mapRows(plan.pathways, (w) => ({
    id: enrolmentId[w.i],
    structure_id: s,
    person_id: personOf(w),
    programme_id: plieId,
    entry_date: isoDay(w.entry),
    exit_date: w.exit === null ? null : isoDay(w.exit),
    exit_reason: w.reason,
    reinforced: false,
    referent_id: staffId[w.referent],
  }))
  // the adults' new situations, then every step (the youth's are the Mission Locale part's situations)
  const situationId = plan.steps.map((x) => (x.mlSituation === null ? nextId() : base.situationIds[x.mlSituation]))
  const situations = (function* () {
    for (const [k, x] of plan.steps.entries()) {
      if (x.mlSituation !== null) continue
      const w = plan.pathways[x.pathway]
      yield {
        id: situationId[k],
        structure_id: s,
        person_id: personOf(w),
        kind: x.kind,
        start_date: isoDay(x.start),
        planned_end_date: x.plannedEnd === null ? null : isoDay(x.plannedEnd),
        end_date: x.end === null ? null : isoDay(x.end),
        organisation_name: x.organisationName,
        hours_per_week: x.hours,
        counsellor_id: staffId[w.referent],
      }
    }
  })()
  // the person-file rows first (the data set's loader writes them), then the PLIE's own
  await writePersonFileRows(
    bulk,
    { person: persons, status_period: statuses, enrolment: enrolments, situation: situations },
    counts,
  )
  counts.plie_referent = await bulk.write(
    'plie_referent',
    mapRows(plan.pathways, (w) => ({
      structure_id: s,
      enrolment_id: enrolmentId[w.i],
      from_date: isoDay(w.entry),
      referent_id: staffId[w.referent],
      recorded_by: staffId[w.referent],
    })),
  )

  counts.plie_step = await bulk.write(
    'plie_step',
    mapRows(plan.steps.entries(), ([k, x]) => ({
      structure_id: s,
      situation_id: situationId[k],
      enrolment_id: enrolmentId[x.pathway],
      person_id: personOf(plan.pathways[x.pathway]),
      organisation_id: x.organisation === null ? null : organisationId[x.organisation],
      step_referent: x.organisation === null ? null : 'Encadrant technique',
    })),
  )
  const caseOf = await writeCommittees(
    tx,
    bulk,
    s,
    plan,
    {
      personOf,
      communeOf: (w) => (w.adult !== null ? plan.adults[w.adult].commune : base.plan.persons[w.youth!].commune),
      siteOf: (w) => siteId(w.adult !== null ? plan.adults[w.adult].site : base.plan.persons[w.youth!].site),
      zusOf: (w) => (w.adult !== null ? plan.adults[w.adult].zus : base.plan.persons[w.youth!].zus),
      staffId,
      enrolmentId,
      siteId,
      uuid: () => ids.uuid(),
    },
    counts,
  )
  const proofOf = new Map<number, string>()
  plan.steps.forEach((x, k) => {
    if (x.proof) proofOf.set(x.pathway, situationId[k])
  })
  counts.plie_pathway = await bulk.write(
    'plie_pathway',
    mapRows(plan.pathways, (w) => ({
      structure_id: s,
      enrolment_id: enrolmentId[w.i],
      person_id: personOf(w),
      committee_case_id: caseOf.get(w.i) ?? null,
      exit_situation_id: proofOf.get(w.i) ?? null,
      partner_id: w.partner === null ? null : organisationId[w.partner],
    })),
  )
  counts.esf_answer = await bulk.write(
    'esf_answer',
    mapRows(esfAnswers(plan, base.plan), (a) => ({
      structure_id: s,
      enrolment_id: enrolmentId[a.w.i],
      moment: a.moment,
      question: a.question,
      answer: a.answer,
      answered_on: isoDay(a.answeredOn),
      recorded_by: staffId[a.w.referent],
    })),
  )
  counts.plie_funding = await bulk.write(
    'plie_funding',
    plan.funding.map((f) => ({
      structure_id: s,
      id: ids.uuid(),
      year: 2009,
      funder: f.funder,
      operation: f.operation,
      programmed_cents: f.programmedCents,
      realised_cents: f.realisedCents,
    })),
  )
  return counts
}
