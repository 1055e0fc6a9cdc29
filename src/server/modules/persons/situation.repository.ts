import { sensitiveAttributes, sensitiveStatuses } from '../../../shared/nomenclatures/person.ts'
import {
  type AttributeEntry,
  type AttributeState,
  type AttributeValue,
  attributeCodes,
  isSensitiveAttribute,
  isSensitiveStatus,
  type StatusPeriod,
} from '../../../shared/persons/situation.schema.ts'
import type { Tx } from '../../deps.ts'
import { declareConstraintConflict } from '../../errors.ts'

// Dated attributes and status periods of one person: the state on a date is the latest entry on or before it.

interface AttributeRow {
  id: string
  attribute: string
  value: string
  level_2019: number | null
  valid_from: string
}
const presentValue = (r: AttributeRow): AttributeValue => ({
  id: r.id,
  value: r.value,
  level1969: r.attribute === 'education_level' ? r.value : null,
  level2019: r.level_2019,
  validFrom: r.valid_from,
})

/** Sensitive attributes (resources) are left out, not even keyed, when the reader may not see them. */
export async function attributeStateOn(
  tx: Tx,
  personId: string,
  on: string,
  opts: { withSensitive: boolean },
): Promise<AttributeState> {
  let q = tx
    .selectFrom('person_attribute')
    .distinctOn('attribute')
    .select(['id', 'attribute', 'value', 'level_2019', 'valid_from'])
    .where('person_id', '=', personId)
    .where('valid_from', '<=', on)
  if (!opts.withSensitive) q = q.where('attribute', 'not in', sensitiveAttributes)
  const rows = await q.orderBy('attribute').orderBy('valid_from', 'desc').execute()
  const shown = attributeCodes.filter((c) => opts.withSensitive || !isSensitiveAttribute(c))
  const state: AttributeState = Object.fromEntries(shown.map((c) => [c, null]))
  for (const r of rows)
    if (Object.hasOwn(state, r.attribute)) state[r.attribute as keyof AttributeState] = presentValue(r)
  return state
}

export async function attributeHistory(
  tx: Tx,
  personId: string,
  opts: { withSensitive: boolean },
): Promise<AttributeEntry[]> {
  let q = tx
    .selectFrom('person_attribute as a')
    .leftJoin('app_user as u', 'u.id', 'a.recorded_by')
    .select(['a.id', 'a.attribute', 'a.value', 'a.level_2019', 'a.valid_from', 'a.recorded_at', 'u.display_name'])
    .where('a.person_id', '=', personId)
  if (!opts.withSensitive) q = q.where('a.attribute', 'not in', sensitiveAttributes)
  const rows = await q.orderBy('a.attribute').orderBy('a.valid_from', 'desc').execute()
  return rows.map((r) => ({
    ...presentValue(r),
    attribute: r.attribute as AttributeEntry['attribute'],
    recordedAt: r.recorded_at.toISOString(),
    recordedByName: r.display_name,
  }))
}

// Two entries of one attribute on one day saved at the same moment both pass findAttributeOn; the unique index keeps
// one and the other is answered like the sequential case.
declareConstraintConflict(
  'person_attribute_person_id_attribute_valid_from_key',
  'Cet élément de situation a déjà une valeur à cette date : elle vient d’être enregistrée par ailleurs. ' +
    'Rechargez le dossier ; supprimez cette saisie si elle est erronée, ou choisissez une autre date d’effet.',
  [{ field: 'validFrom', message: 'Une valeur existe déjà à cette date.' }],
)

export async function findAttributeOn(tx: Tx, personId: string, attribute: string, validFrom: string) {
  return tx
    .selectFrom('person_attribute')
    .select(['id', 'value'])
    .where('person_id', '=', personId)
    .where('attribute', '=', attribute)
    .where('valid_from', '=', validFrom)
    .executeTakeFirst()
}

export async function insertAttribute(
  tx: Tx,
  row: {
    structureId: string
    personId: string
    attribute: string
    value: string
    level2019: number | null
    validFrom: string
    recordedBy: string
    recordedAt: Date
  },
) {
  return tx
    .insertInto('person_attribute')
    .values({
      structure_id: row.structureId,
      person_id: row.personId,
      attribute: row.attribute,
      value: row.value,
      level_2019: row.level2019,
      valid_from: row.validFrom,
      recorded_by: row.recordedBy,
      recorded_at: row.recordedAt,
    })
    .returning(['id', 'attribute', 'value', 'level_2019', 'valid_from'])
    .executeTakeFirstOrThrow()
}

/** Deletes an entry; a sensitive one only when the reader may see it (else it answers as absent). */
export async function deleteAttribute(tx: Tx, personId: string, attributeId: string, opts: { withSensitive: boolean }) {
  let q = tx.deleteFrom('person_attribute').where('id', '=', attributeId).where('person_id', '=', personId)
  if (!opts.withSensitive) q = q.where('attribute', 'not in', sensitiveAttributes)
  return q.returning(['attribute', 'valid_from']).executeTakeFirst()
}

// Statuses --------------------------------------------------------------------------------------------------------

function statusQuery(tx: Tx, personId: string) {
  return tx
    .selectFrom('status_period as s')
    .leftJoin('app_user as u', 'u.id', 's.recorded_by')
    .select([
      's.id',
      's.status',
      's.detail',
      's.start_date',
      's.end_date',
      's.recorded_at',
      's.version',
      'u.display_name',
    ])
    .where('s.person_id', '=', personId)
}
type StatusRow = Awaited<ReturnType<ReturnType<typeof statusQuery>['executeTakeFirstOrThrow']>>
const presentStatus = (r: StatusRow): StatusPeriod => ({
  id: r.id,
  status: r.status,
  sensitive: isSensitiveStatus(r.status),
  detail: r.detail,
  startDate: r.start_date,
  endDate: r.end_date,
  recordedAt: r.recorded_at.toISOString(),
  recordedByName: r.display_name,
  version: r.version,
})

/** Periods of a person, latest first; active on `on` only when given; sensitive ones only when allowed. */
export async function listStatuses(
  tx: Tx,
  personId: string,
  opts: { on?: string; withSensitive: boolean },
): Promise<StatusPeriod[]> {
  let q = statusQuery(tx, personId)
  if (opts.on) {
    const on = opts.on
    q = q
      .where('s.start_date', '<=', on)
      .where((eb) => eb.or([eb('s.end_date', 'is', null), eb('s.end_date', '>=', on)]))
  }
  if (!opts.withSensitive) q = q.where('s.status', 'not in', sensitiveStatuses)
  const rows = await q.orderBy('s.start_date', 'desc').orderBy('s.status').execute()
  return rows.map(presentStatus)
}

export async function getStatus(tx: Tx, personId: string, statusId: string) {
  const row = await statusQuery(tx, personId).where('s.id', '=', statusId).executeTakeFirst()
  return row ? presentStatus(row) : undefined
}

/** Another period of the same status that shares at least one day with [start, end]. */
export async function overlappingStatus(
  tx: Tx,
  personId: string,
  status: string,
  start: string,
  end: string | null,
  exceptId?: string,
) {
  let q = tx
    .selectFrom('status_period')
    .select(['id', 'start_date', 'end_date'])
    .where('person_id', '=', personId)
    .where('status', '=', status as StatusPeriod['status'])
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', start)]))
  if (end) q = q.where('start_date', '<=', end)
  if (exceptId) q = q.where('id', '!=', exceptId)
  return q.executeTakeFirst()
}

export async function insertStatus(
  tx: Tx,
  row: {
    structureId: string
    personId: string
    status: StatusPeriod['status']
    detail: string | null
    startDate: string
    endDate: string | null
    recordedBy: string
    recordedAt: Date
  },
) {
  const { id } = await tx
    .insertInto('status_period')
    .values({
      structure_id: row.structureId,
      person_id: row.personId,
      status: row.status,
      detail: row.detail,
      start_date: row.startDate,
      end_date: row.endDate,
      recorded_by: row.recordedBy,
      recorded_at: row.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateStatus(
  tx: Tx,
  personId: string,
  statusId: string,
  change: { detail: string | null; startDate: string; endDate: string | null; version: number },
) {
  return tx
    .updateTable('status_period')
    .set({
      detail: change.detail,
      start_date: change.startDate,
      end_date: change.endDate,
      version: change.version + 1,
    })
    .where('id', '=', statusId)
    .where('person_id', '=', personId)
    .where('version', '=', change.version)
    .returning('id')
    .executeTakeFirst()
}
