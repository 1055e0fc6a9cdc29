import type { ExpressionBuilder, Insertable, Selectable, Updateable } from 'kysely'
import type { Immersion } from '../../../shared/employment/immersions.schema.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { visiblePersons } from '../persons/person.policy.ts'
import type { ImmersionStatus, ImmersionTable } from './employment.tables.ts'
import { seesWholeStructure } from './employment-ctx.ts'

// The immersions' SQL (docs/employment/immersions.md): the row, the presented agreement (person, host, programme's
// module, prescriber), the list within the actor's scope, the live agreements of a person with a host.

export type ImmersionRow = Selectable<ImmersionTable>

export async function findImmersionRow(tx: Tx, structureId: string, id: string, opts: { lock?: boolean } = {}) {
  let q = tx.selectFrom('immersion').selectAll().where('structure_id', '=', structureId).where('id', '=', id)
  if (opts.lock) q = q.forUpdate()
  return q.executeTakeFirst()
}

export async function insertImmersion(tx: Tx, values: Insertable<ImmersionTable>) {
  return tx.insertInto('immersion').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Updates at the version read and bumps it; undefined when the row changed meanwhile. */
export async function updateImmersion(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  values: Updateable<ImmersionTable>,
) {
  return tx
    .updateTable('immersion')
    .set({ ...values, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}

/** The person's row locked: two agreements of the same person are counted one after the other. */
export async function lockPerson(tx: Tx, structureId: string, personId: string) {
  await tx
    .selectFrom('person')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', personId)
    .forUpdate()
    .executeTakeFirst()
}

/** live (not cancelled) agreements of the person with the host starting within [from, to], but `except` */
export async function liveWithHost(
  tx: Tx,
  structureId: string,
  personId: string,
  employerId: string,
  from: string,
  to: string,
  except: string | null,
) {
  let q = tx
    .selectFrom('immersion')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('person_id', '=', personId)
    .where('employer_id', '=', employerId)
    .where('status', '!=', 'cancelled')
    .where('starts_on', '>=', from)
    .where('starts_on', '<=', to)
  if (except) q = q.where('id', '!=', except)
  return (await q.execute()).length
}

export const employerExists = async (tx: Tx, structureId: string, id: string) =>
  !!(await tx
    .selectFrom('employer')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())

export const moduleExists = async (tx: Tx, structureId: string, programmeId: string, number: number) =>
  !!(await tx
    .selectFrom('immersion_module')
    .select('number')
    .where('structure_id', '=', structureId)
    .where('programme_id', '=', programmeId)
    .where('number', '=', number)
    .executeTakeFirst())

export const poolExists = async (tx: Tx, structureId: string, id: string) =>
  !!(await tx
    .selectFrom('candidate_pool')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst())

export const placementOfPerson = async (tx: Tx, structureId: string, id: string, personId: string) =>
  !!(await tx
    .selectFrom('placement')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst())

/** the persons the actor reaches for the employment: the structure's (employment officer, director), else visible */
export function employmentScope(actor: Actor, today: string) {
  return (eb: ExpressionBuilder<Database, 'person'>) =>
    seesWholeStructure(actor) ? eb('person.structure_id', '=', actor.structureId) : visiblePersons(actor, today)(eb)
}

export interface ImmersionFilter {
  ids?: string[]
  status?: ImmersionStatus
  programmeId?: string
  moduleNumber?: number
  personId?: string
  employerId?: string
  limit?: number
}

/** The presented agreements, within the actor's scope. */
export async function listImmersions(tx: Tx, actor: Actor, today: string, f: ImmersionFilter): Promise<Immersion[]> {
  let q = tx
    .selectFrom('immersion as i')
    .innerJoin('person', (j) =>
      j.onRef('person.id', '=', 'i.person_id').onRef('person.structure_id', '=', 'i.structure_id'),
    )
    .innerJoin('employer as e', (j) =>
      j.onRef('e.id', '=', 'i.employer_id').onRef('e.structure_id', '=', 'i.structure_id'),
    )
    .leftJoin('immersion_programme as p', (j) =>
      j.onRef('p.id', '=', 'i.programme_id').onRef('p.structure_id', '=', 'i.structure_id'),
    )
    .leftJoin('immersion_module as m', (j) =>
      j
        .onRef('m.programme_id', '=', 'i.programme_id')
        .onRef('m.number', '=', 'i.module_number')
        .onRef('m.structure_id', '=', 'i.structure_id'),
    )
    .leftJoin('app_user as u', 'u.id', 'i.prescriber_id')
    .selectAll('i')
    .select([
      'person.first_name',
      'person.last_name',
      'person.birth_date',
      'e.name as employer_name',
      'e.siret',
      'e.address',
      'e.postcode',
      'e.commune_name',
      'p.name as programme_name',
      'm.label as module_label',
      'u.display_name as prescriber_name',
    ])
    .where('i.structure_id', '=', actor.structureId)
    .where(employmentScope(actor, today))
  if (f.ids) q = q.where('i.id', 'in', f.ids)
  if (f.status) q = q.where('i.status', '=', f.status)
  if (f.programmeId) q = q.where('i.programme_id', '=', f.programmeId)
  if (f.moduleNumber) q = q.where('i.module_number', '=', f.moduleNumber)
  if (f.personId) q = q.where('i.person_id', '=', f.personId)
  if (f.employerId) q = q.where('i.employer_id', '=', f.employerId)
  const rows = await q
    .orderBy('i.starts_on', 'desc')
    .orderBy('i.id')
    .limit(f.limit ?? 300)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    person: {
      id: r.person_id,
      firstName: r.first_name,
      lastName: r.last_name,
      birthDate: r.birth_date ? day(r.birth_date) : null,
    },
    employer: {
      id: r.employer_id,
      name: r.employer_name,
      siret: r.siret,
      address: r.address,
      postcode: r.postcode,
      communeName: r.commune_name,
    },
    programme: r.programme_id ? { id: r.programme_id, name: r.programme_name ?? '' } : null,
    moduleNumber: r.module_number,
    moduleLabel: r.module_label ?? null,
    poolId: r.pool_id,
    objective: r.objective,
    jobTitle: r.job_title,
    romeCode: r.rome_code,
    activities: r.activities,
    skillsObserved: r.skills_observed,
    place: r.place,
    tutorName: r.tutor_name,
    tutorJobTitle: r.tutor_job_title,
    tutorPhone: r.tutor_phone,
    tutorEmail: r.tutor_email,
    startsOn: day(r.starts_on),
    endsOn: day(r.ends_on),
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    schedule: r.schedule,
    prescriber: r.prescriber_id ? { id: r.prescriber_id, name: r.prescriber_name ?? '' } : null,
    status: r.status,
    signedOn: r.signed_on ? day(r.signed_on) : null,
    validated: r.validated,
    assessment: r.assessment,
    outcome: r.outcome,
    placementId: r.placement_id,
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  }))
}

/** a date column as yyyy-mm-dd whatever the driver answers */
function day(v: unknown): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  return String(v).slice(0, 10)
}
