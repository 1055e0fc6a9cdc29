import { sql } from 'kysely'
import type { BulkWriter } from '../../../demo/bulk.ts'
import type { DemoContext } from '../../../demo/demo-context.ts'
import { hashString, Random } from '../../../demo/random.ts'
import type { RowCounts, Year2009Base } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'
import type { AidPaymentMode, AidTrack } from '../aids.tables.ts'
import { FUNDS_2009, type FundCode } from './funds.ts'
import { pickers } from './pick.ts'
import { clapProjects, holidayProjects, indirectAids } from './projects.ts'
import { allowanceRequests, fdajRequests, fipjRequests } from './requests.ts'
import { type Build, Rows } from './rows.ts'

// The aids' part of the 2009 data set (docs/demo-2009.md, « Aids »): the manifest's `dataset2009`, run by the demo after
// the Mission Locale's and the PLIE's parts, in their transaction and keys-and-indexes window. The funds and envelopes
// are a few statements; the requests, payments, contracts and holders are written in bulk. Deterministic: one seeded
// generator (ids included) per structure.

/** the aid tables written in bulk (their keys and indexes set aside with the data set's, their statistics refreshed) */
export const AIDS_2009_TABLES = ['aid_request', 'aid_payment', 'aid_contract', 'aid_project_holder'] as const

/** ids in increasing order, above the Mission Locale part's and the PLIE's */
function orderedIds(r: Random): () => string {
  let n = 0xa0000000
  return () => `${(n++).toString(16).padStart(8, '0')}${r.uuid().slice(8)}`
}
const json = <T extends string>(v: readonly T[]) => sql<T[]>`${JSON.stringify(v)}::jsonb`

export async function loadAids2009(tx: Tx, ctx: DemoContext, bulk: BulkWriter, base: Year2009Base): Promise<RowCounts> {
  const s = ctx.structureId
  const r = new Random(hashString(`jalon-aids-2009:${s}`))
  const nextId = orderedIds(r)
  const counts: RowCounts = {}

  const fundId = Object.fromEntries(FUNDS_2009.map((f) => [f.code, r.uuid()])) as Record<FundCode, string>
  await tx
    .insertInto('aid_fund')
    .values(
      FUNDS_2009.map((f) => ({
        structure_id: s,
        id: fundId[f.code],
        code: f.code,
        name: f.name,
        kind: f.kind,
        funder: f.funder,
        decided_by: f.decidedBy,
        programme_types: json(f.programmeTypes),
        min_age: f.minAge,
        max_age: f.maxAge,
        purposes: json(f.purposes),
        tracks: json(f.tracks as AidTrack[]),
        payment_modes: json(f.paymentModes as AidPaymentMode[]),
        ceiling_request_cents: f.ceilingRequestCents ?? null,
        ceiling_person_year_cents: f.ceilingPersonYearCents ?? null,
        ceiling_month_cents: f.ceilingMonthCents ?? null,
        fixed_amount_cents: f.fixedAmountCents ?? null,
        opens_on: f.opensOn,
        external_id: `AID2009-${f.code}`,
      })),
    )
    .execute()
  counts.aid_fund = FUNDS_2009.length
  const envelopes = FUNDS_2009.flatMap((f) =>
    f.envelopes.map(([year, funder, euros]) => ({
      structure_id: s,
      fund_id: fundId[f.code],
      year,
      funder,
      allocated_cents: euros * 100,
      external_id: `AID2009-${f.code}-${year}-${funder}`,
    })),
  )
  await tx.insertInto('aid_envelope').values(envelopes).execute()
  counts.aid_envelope = envelopes.length

  const persons = base.plan.persons
  const anySite = [...ctx.siteIds.values()][0]
  const b: Build = {
    s,
    r,
    pk: pickers(base, r),
    nextId,
    fundId,
    siteOf: (p) => ctx.siteIds.get(persons[p].site) ?? anySite,
    staffOf: (p) => base.staffIds[persons[p].referent],
    rows: new Rows(),
  }
  const redirected = fipjRequests(b)
  fdajRequests(b, 2008, [])
  fdajRequests(b, 2009, redirected)
  allowanceRequests(b)
  clapProjects(b)
  holidayProjects(b)
  indirectAids(b)

  const rows = b.rows
  // commissions and projects first: requests point to them; payment runs before the payments
  counts.aid_commission = await bulk.write('aid_commission', rows.commissions)
  counts.aid_commission_member = await bulk.write('aid_commission_member', rows.members)
  counts.aid_project = await bulk.write('aid_project', rows.projects)
  counts.aid_project_holder = await bulk.write('aid_project_holder', rows.holders)
  counts.aid_request = await bulk.write('aid_request', rows.requests)
  counts.aid_contract = await bulk.write('aid_contract', rows.contracts)
  counts.aid_payment_run = await bulk.write('aid_payment_run', rows.runs)
  counts.aid_payment = await bulk.write('aid_payment', rows.payments)
  counts.aid_indirect = await bulk.write('aid_indirect', rows.indirect)
  return counts
}
