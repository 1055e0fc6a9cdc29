import type { z } from 'zod'
import type {
  Agreement,
  agreementInputSchema,
  Objective,
  objectiveInputSchema,
  objectiveListQuery,
} from '../../shared/reporting/reporting.schema.ts'
import { ensureUpdated } from '../db/versioning.ts'
import type { Tx } from '../deps.ts'
import { AppError, notFound } from '../errors.ts'
import type { Q } from './indicator.ts'

// Funder agreements and their yearly objectives: all the SQL of the objectives API.
// A delete says whether it found its row by the row it returns, never by the driver's count of deleted rows: through
// kysely-pglite a DELETE's count is not reported as node-postgres reports it, and a deleted row answered 404.

const agreementColumns = [
  'id',
  'name',
  'funder',
  'period_start as periodStart',
  'period_end as periodEnd',
  'version',
] as const
const objectiveColumns = [
  'id',
  'agreement_id as agreementId',
  'indicator_id as indicatorId',
  'sub_key as subKey',
  'year',
  'target',
  'version',
] as const

export const listAgreements = (tx: Tx, structureId: string): Promise<Agreement[]> =>
  tx
    .selectFrom('funder_agreement')
    .select(agreementColumns)
    .where('structure_id', '=', structureId)
    .orderBy('period_start', 'desc')
    .orderBy('name')
    .execute()

export const createAgreement = (tx: Tx, structureId: string, a: z.infer<typeof agreementInputSchema>) =>
  tx
    .insertInto('funder_agreement')
    .values({
      structure_id: structureId,
      name: a.name,
      funder: a.funder,
      period_start: a.periodStart,
      period_end: a.periodEnd,
    })
    .returning(agreementColumns)
    .executeTakeFirstOrThrow()

export async function updateAgreement(
  tx: Tx,
  structureId: string,
  id: string,
  a: z.infer<typeof agreementInputSchema> & { version: number },
): Promise<Agreement> {
  return ensureUpdated(
    await tx
      .updateTable('funder_agreement')
      .set({
        name: a.name,
        funder: a.funder,
        period_start: a.periodStart,
        period_end: a.periodEnd,
        version: a.version + 1,
      })
      .where('id', '=', id)
      .where('structure_id', '=', structureId)
      .where('version', '=', a.version)
      .returning(agreementColumns)
      .executeTakeFirst(),
    async () => !!(await findAgreement(tx, structureId, id)),
    'Cette convention',
  )
}

export const findAgreement = (tx: Tx, structureId: string, id: string) =>
  tx
    .selectFrom('funder_agreement')
    .select(agreementColumns)
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .executeTakeFirst()

export async function deleteAgreement(tx: Tx, structureId: string, id: string) {
  const r = await tx
    .deleteFrom('funder_agreement')
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .returning('id')
    .executeTakeFirst()
  if (!r) throw notFound('Cette convention')
}

export function listObjectives(
  tx: Tx,
  structureId: string,
  f: z.infer<typeof objectiveListQuery>,
): Promise<Objective[]> {
  let q = tx.selectFrom('objective').select(objectiveColumns).where('structure_id', '=', structureId)
  if (f.year) q = q.where('year', '=', f.year)
  if (f.indicatorId) q = q.where('indicator_id', '=', f.indicatorId)
  if (f.agreementId) q = q.where('agreement_id', '=', f.agreementId)
  return q.orderBy('year', 'desc').orderBy('indicator_id').orderBy('sub_key').execute()
}

export async function createObjective(
  tx: Tx,
  structureId: string,
  o: z.infer<typeof objectiveInputSchema>,
): Promise<Objective> {
  const agreement = await findAgreement(tx, structureId, o.agreementId)
  if (!agreement)
    throw new AppError('validation', 'Convention inconnue.', [
      { field: 'agreementId', message: 'Cette convention est introuvable.' },
    ])
  // an objective is a year of its agreement
  const [first, last] = [agreement.periodStart, agreement.periodEnd].map((d) => Number(String(d).slice(0, 4)))
  if (o.year < first! || o.year > last!)
    throw new AppError('validation', 'Année hors de la période de la convention.', [
      { field: 'year', message: `La convention couvre ${first === last ? first : `${first} à ${last}`}.` },
    ])
  const same = await tx
    .selectFrom('objective')
    .select('id')
    .where('agreement_id', '=', o.agreementId)
    .where('indicator_id', '=', o.indicatorId)
    .where((eb) => (o.subKey === null ? eb('sub_key', 'is', null) : eb('sub_key', '=', o.subKey)))
    .where('year', '=', o.year)
    .executeTakeFirst()
  if (same)
    throw new AppError('conflict', 'Cet objectif existe déjà pour cette convention et cette année.', [
      { field: 'year', message: 'Objectif déjà fixé pour cette année.' },
    ])
  return tx
    .insertInto('objective')
    .values({
      structure_id: structureId,
      agreement_id: o.agreementId,
      indicator_id: o.indicatorId,
      sub_key: o.subKey,
      year: o.year,
      target: o.target,
    })
    .returning(objectiveColumns)
    .executeTakeFirstOrThrow()
}

export async function updateObjective(
  tx: Tx,
  structureId: string,
  id: string,
  o: { target: number; version: number },
): Promise<Objective> {
  return ensureUpdated(
    await tx
      .updateTable('objective')
      .set({ target: o.target, version: o.version + 1 })
      .where('id', '=', id)
      .where('structure_id', '=', structureId)
      .where('version', '=', o.version)
      .returning(objectiveColumns)
      .executeTakeFirst(),
    async () =>
      !!(await tx
        .selectFrom('objective')
        .select('id')
        .where('id', '=', id)
        .where('structure_id', '=', structureId)
        .executeTakeFirst()),
    'Cet objectif',
  )
}

export async function deleteObjective(tx: Tx, structureId: string, id: string) {
  const r = await tx
    .deleteFrom('objective')
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .returning('id')
    .executeTakeFirst()
  if (!r) throw notFound('Cet objectif')
}

/** The yearly objectives of an indicator for the years a period touches, with their agreement. */
export const objectivesOf = (q: Q, structureId: string, indicatorId: string, fromYear: number, toYear: number) =>
  q
    .selectFrom('objective as o')
    .innerJoin('funder_agreement as a', 'a.id', 'o.agreement_id')
    .select(['o.id', 'o.sub_key', 'o.year', 'o.target', 'a.id as agreement_id', 'a.name', 'a.funder'])
    .where('o.structure_id', '=', structureId)
    .where('o.indicator_id', '=', indicatorId)
    .where('o.year', '>=', fromYear)
    .where('o.year', '<=', toYear)
    .orderBy('a.name')
    .orderBy('o.sub_key')
    .orderBy('o.year')
    .execute()
