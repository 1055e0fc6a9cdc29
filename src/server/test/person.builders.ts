import type { AttributeKind, StatusCode } from '../../shared/nomenclatures/person.ts'
import { resolveAttributeValue } from '../../shared/persons/situation.schema.ts'
import type { Db } from '../db/database.ts'
import type { Fixture } from './builders.ts'

// Person files for tests, written straight to the database (the API is what the tests exercise).
let seq = 0

export interface PersonSpec {
  lastName?: string
  firstName?: string
  sex?: 'F' | 'M'
  birthDate?: string
  phone?: string | null
  email?: string | null
  siteId?: string
  referentId?: string | null
  priorityArea?: 'qpv' | 'zus' | null
  communeCode?: string | null
  communeName?: string | null
  firstReceptionDate?: string | null
  /** dated attributes; education_level may give value (1969) and/or level2019 */
  attributes?: { attribute: AttributeKind; value?: string; level2019?: number; validFrom: string }[]
  statuses?: { status: StatusCode; startDate: string; endDate?: string | null; detail?: string | null }[]
}

export async function buildPerson(db: Db, fx: Fixture, spec: PersonSpec = {}) {
  const n = ++seq
  const k = db.kysely
  const row = {
    lastName: spec.lastName ?? `Nom${n}`,
    firstName: spec.firstName ?? `Prénom${n}`,
    birthDate: spec.birthDate ?? '2005-06-15',
  }
  const { id, version } = await k
    .insertInto('person')
    .values({
      structure_id: fx.structureId,
      last_name: row.lastName,
      first_name: row.firstName,
      sex: spec.sex ?? 'F',
      birth_date: row.birthDate,
      phone: spec.phone ?? null,
      email: spec.email ?? null,
      commune_code: spec.communeCode ?? null,
      commune_name: spec.communeName ?? null,
      priority_area: spec.priorityArea ?? null,
      site_id: spec.siteId ?? fx.sites.a,
      referent_id: spec.referentId ?? null,
      first_reception_date: spec.firstReceptionDate === undefined ? '2025-09-01' : spec.firstReceptionDate,
      referral_source: 'self',
      search_name: '',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  for (const a of spec.attributes ?? []) await buildAttribute(db, fx, id, a)
  const statusIds: string[] = []
  for (const s of spec.statuses ?? []) statusIds.push(await buildStatus(db, fx, id, s))
  return { id, version, statusIds, ...row }
}

export async function buildAttribute(
  db: Db,
  fx: Fixture,
  personId: string,
  a: { attribute: AttributeKind; value?: string; level2019?: number; validFrom: string },
) {
  const { value, level2019 } = resolveAttributeValue(a)
  const { id } = await db.kysely
    .insertInto('person_attribute')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      attribute: a.attribute,
      value,
      level_2019: level2019,
      valid_from: a.validFrom,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function buildStatus(
  db: Db,
  fx: Fixture,
  personId: string,
  s: { status: StatusCode; startDate: string; endDate?: string | null; detail?: string | null },
) {
  const { id } = await db.kysely
    .insertInto('status_period')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      status: s.status,
      detail: s.detail ?? null,
      start_date: s.startDate,
      end_date: s.endDate ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
