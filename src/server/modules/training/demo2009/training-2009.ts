import type { BulkWriter } from '../../../demo/bulk.ts'
import type { DemoContext } from '../../../demo/demo-context.ts'
import { hashString, Random } from '../../../demo/random.ts'
import type { RowCounts, Year2009Base } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'
import { Catalogue } from './catalogue.ts'
import { buildFund, FUND_FUNDER, FUND_TARGETS } from './fund.ts'
import { buildPrescriptions } from './prescriptions.ts'

// The training department's part of the 2009 data set (docs/demo-2009.md, « Training »): the manifest's `dataset2009`,
// run after the Mission Locale's, the PLIE's and the aids' parts, in their transaction and keys-and-indexes window.
// The catalogue (bodies, actions, sessions), the prescriptions attached to the Mission Locale part's training
// situations and their history, and the professionalisation fund's envelopes and plans (PLIE participants in
// subsidised contracts, read from the database). Deterministic: one seeded generator (ids included) per structure.

/** the training tables written in bulk (their keys and indexes set aside with the data set's) */
export const TRAINING_2009_TABLES = ['training_prescription', 'training_prescription_event'] as const

/** ids in increasing order, above the other parts' */
function orderedIds(r: Random): () => string {
  let n = 0xb0000000
  return () => `${(n++).toString(16).padStart(8, '0')}${r.uuid().slice(8)}`
}

export async function loadTraining2009(
  tx: Tx,
  ctx: DemoContext,
  bulk: BulkWriter,
  base: Year2009Base,
): Promise<RowCounts> {
  const s = ctx.structureId
  const r = new Random(hashString(`jalon-training-2009:${s}`))
  const nextId = orderedIds(r)
  const counts: RowCounts = {}
  const cat = new Catalogue(s, r.fork('catalogue'), nextId)
  const anySite = [...ctx.siteIds.values()][0]
  const persons = base.plan.persons
  const pres = buildPrescriptions({
    s,
    r: r.fork('prescriptions'),
    base,
    cat,
    nextId,
    siteOf: (p) => ctx.siteIds.get(persons[p].site) ?? anySite,
  })
  const fund = await buildFund(tx, s, r.fork('fund'), nextId, cat.bodyIds)

  counts.training_body = await bulk.write('training_body', cat.bodies)
  counts.training_action = await bulk.write('training_action', cat.actions)
  counts.training_session = await bulk.write('training_session', cat.sessionRows())
  counts.training_prescription = await bulk.write('training_prescription', pres.rows)
  counts.training_prescription_event = await bulk.write('training_prescription_event', pres.events)
  counts.prof_fund_envelope = await bulk.write(
    'prof_fund_envelope',
    ([2008, 2009] as const).map((year) => ({
      structure_id: s,
      id: nextId(),
      year,
      funder: FUND_FUNDER,
      allocated_cents: FUND_TARGETS[year].envelopeCents,
      external_id: `TRN2009-E${year}`,
    })),
  )
  counts.prof_plan = await bulk.write('prof_plan', fund.plans)
  counts.prof_plan_cofunding = await bulk.write('prof_plan_cofunding', fund.cofunding)
  return counts
}
