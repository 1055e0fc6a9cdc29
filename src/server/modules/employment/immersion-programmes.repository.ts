import { sql } from 'kysely'
import type { ModuleFigures, Programme } from '../../../shared/employment/immersions.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { employmentScope } from './immersions.repository.ts'

// The immersion programmes' SQL (docs/employment/immersions.md « Programmes »): a programme, its modules, and per
// module the people placed in immersion, how many validated it and the contracts that followed, counted within the
// reader's scope (a counsellor: their people; the employment officer and the director: the structure's).

export async function findProgrammeRow(tx: Tx, structureId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = tx.selectFrom('immersion_programme').selectAll().where('structure_id', '=', structureId).where('id', '=', id)
  if (opts.lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function usedModules(tx: Tx, structureId: string, programmeId: string): Promise<number[]> {
  const rows = await tx
    .selectFrom('immersion')
    .select('module_number')
    .distinct()
    .where('structure_id', '=', structureId)
    .where('programme_id', '=', programmeId)
    .where('module_number', 'is not', null)
    .execute()
  return rows.map((r) => r.module_number as number)
}

/** The programmes with their modules' figures (all of the structure's, or the ids given). */
export async function listProgrammes(
  tx: Tx,
  actor: Actor,
  today: string,
  f: { ids?: string[]; activeOnly?: boolean } = {},
): Promise<Programme[]> {
  const s = actor.structureId
  let q = tx.selectFrom('immersion_programme').selectAll().where('structure_id', '=', s)
  if (f.ids) q = q.where('id', 'in', f.ids)
  if (f.activeOnly) q = q.where('active', '=', true)
  const programmes = await q.orderBy('name').execute()
  if (programmes.length === 0) return []
  const ids = programmes.map((p) => p.id)
  const modules = await tx
    .selectFrom('immersion_module')
    .selectAll()
    .where('structure_id', '=', s)
    .where('programme_id', 'in', ids)
    .orderBy('number')
    .execute()
  const figures = await tx
    .selectFrom('immersion as i')
    .innerJoin('person', (j) =>
      j.onRef('person.id', '=', 'i.person_id').onRef('person.structure_id', '=', 'i.structure_id'),
    )
    .select((eb) => [
      'i.programme_id',
      'i.module_number',
      sql<number>`count(DISTINCT i.person_id)`.as('people'),
      eb.fn.countAll<number>().as('immersions'),
      sql<number>`count(DISTINCT i.person_id) FILTER (WHERE i.validated)`.as('validated'),
      sql<number>`count(*) FILTER (WHERE i.outcome = 'contract')`.as('contracts'),
    ])
    .where('i.structure_id', '=', s)
    .where('i.programme_id', 'in', ids)
    .where('i.status', '!=', 'cancelled')
    .where(employmentScope(actor, today))
    .groupBy(['i.programme_id', 'i.module_number'])
    .execute()
  const people = await tx
    .selectFrom('immersion as i')
    .innerJoin('person', (j) =>
      j.onRef('person.id', '=', 'i.person_id').onRef('person.structure_id', '=', 'i.structure_id'),
    )
    .select(['i.programme_id', sql<number>`count(DISTINCT i.person_id)`.as('people')])
    .where('i.structure_id', '=', s)
    .where('i.programme_id', 'in', ids)
    .where('i.status', '!=', 'cancelled')
    .where(employmentScope(actor, today))
    .groupBy('i.programme_id')
    .execute()
  return programmes.map((p) => ({
    id: p.id,
    name: p.name,
    active: p.active,
    version: p.version,
    people: Number(people.find((x) => x.programme_id === p.id)?.people ?? 0),
    modules: modules
      .filter((m) => m.programme_id === p.id)
      .map((m): ModuleFigures => {
        const f = figures.find((x) => x.programme_id === p.id && x.module_number === m.number)
        const n = Number(f?.people ?? 0)
        const validated = Number(f?.validated ?? 0)
        return {
          number: m.number,
          label: m.label,
          objective: m.objective,
          people: n,
          immersions: Number(f?.immersions ?? 0),
          validated,
          rate: n === 0 ? null : Math.round((validated / n) * 1000) / 10,
          contracts: Number(f?.contracts ?? 0),
        }
      }),
  }))
}
