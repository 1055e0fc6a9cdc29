import type { Db } from '../db/database.ts'
import type { PlieOrganisationKind } from '../modules/plie/plie.tables.ts'
import type { Fixture } from './builders.ts'

// PLIE test data written straight to the database: a pathway as an accepted committee decision opens it (the
// enrolment in the PLIE programme, its plie_pathway and its first plie_referent), and host organisations.
let seq = 0

export async function buildPathway(
  db: Db,
  fx: Fixture,
  personId: string,
  opts: { entryDate?: string; exitDate?: string | null; exitReason?: string | null; referentId?: string | null } = {},
) {
  const k = db.kysely
  const entryDate = opts.entryDate ?? '2025-09-01'
  const { id, version } = await k
    .insertInto('enrolment')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      programme_id: fx.programmes.plie,
      external_id: null,
      entry_date: entryDate,
      exit_date: opts.exitDate ?? null,
      exit_reason: opts.exitReason ?? null,
      referent_id: opts.referentId ?? null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  await k
    .insertInto('plie_pathway')
    .values({ structure_id: fx.structureId, enrolment_id: id, person_id: personId, committee_case_id: null })
    .execute()
  if (opts.referentId)
    await k
      .insertInto('plie_referent')
      .values({
        structure_id: fx.structureId,
        enrolment_id: id,
        from_date: entryDate,
        referent_id: opts.referentId,
        recorded_by: null,
      })
      .execute()
  return { id, version }
}

export async function buildOrganisation(
  db: Db,
  fx: Fixture,
  opts: { kind?: PlieOrganisationKind; name?: string; places?: number | null } = {},
) {
  const { id, version } = await db.kysely
    .insertInto('plie_organisation')
    .values({
      structure_id: fx.structureId,
      kind: opts.kind ?? 'aci',
      name: opts.name ?? `Structure ${++seq}`,
      agreement: null,
      places: opts.places ?? null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  return { id, version }
}

/** Links a user to an organisation (a partner account). */
export async function linkPartner(db: Db, fx: Fixture, organisationId: string, userId: string) {
  await db.kysely
    .insertInto('plie_organisation_user')
    .values({ structure_id: fx.structureId, organisation_id: organisationId, user_id: userId })
    .execute()
}
