import { sql } from 'kysely'
import { enrolmentExitReasons } from '../../../shared/accompaniment/situations.schema.ts'
import { type SituationKind, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import type { Organisation, PartnerPerson } from '../../../shared/plie/organisations.schema.ts'
import { stepKindOf } from '../../../shared/plie/pathways.schema.ts'
import { organisationKinds } from '../../../shared/plie/plie.nomenclature.ts'
import type { Tx } from '../../deps.ts'
import type { PlieOrganisationKind } from './plie.tables.ts'

// The PLIE's host organisations and partners, its member communes, and a partner account's people (SQL only).

export function findOrganisation(tx: Tx, structureId: string, id: string) {
  return tx
    .selectFrom('plie_organisation')
    .select(['id', 'kind', 'name', 'active', 'version'])
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The organisations with the steps they host, the exits credited to them and their partner accounts. */
export async function listOrganisations(tx: Tx, structureId: string, id?: string): Promise<Organisation[]> {
  let q = tx
    .selectFrom('plie_organisation as o')
    .where('o.structure_id', '=', structureId)
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.agreement',
      'o.places',
      'o.active',
      'o.version',
      sql<number>`(SELECT count(*) FROM plie_step ps WHERE ps.structure_id = o.structure_id
        AND ps.organisation_id = o.id)`.as('steps_hosted'),
      sql<number>`(SELECT count(*) FROM plie_pathway pp JOIN enrolment e ON e.id = pp.enrolment_id
        WHERE pp.structure_id = o.structure_id AND pp.partner_id = o.id AND e.exit_date IS NOT NULL)`.as(
        'exits_credited',
      ),
    ])
    .orderBy('o.name')
  if (id) q = q.where('o.id', '=', id)
  const rows = await q.execute()
  const users = rows.length
    ? await tx
        .selectFrom('plie_organisation_user')
        .select(['organisation_id', 'user_id'])
        .where('structure_id', '=', structureId)
        .where(
          'organisation_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('user_id')
        .execute()
    : []
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: organisationKinds.labels[r.kind],
    name: r.name,
    agreement: r.agreement,
    places: r.places,
    active: r.active,
    stepsHosted: Number(r.steps_hosted),
    exitsCredited: Number(r.exits_credited),
    userIds: users.filter((u) => u.organisation_id === r.id).map((u) => u.user_id),
    version: r.version,
  }))
}

export interface OrganisationValues {
  kind: PlieOrganisationKind
  name: string
  agreement: string | null
  places: number | null
  active: boolean
}

export async function insertOrganisation(tx: Tx, structureId: string, v: OrganisationValues) {
  const { id } = await tx
    .insertInto('plie_organisation')
    .values({ structure_id: structureId, external_id: null, ...v })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Versioned update (also bumps the version when only the accounts change: `v` empty). */
export function updateOrganisation(
  tx: Tx,
  structureId: string,
  id: string,
  version: number,
  v: Partial<OrganisationValues>,
) {
  return tx
    .updateTable('plie_organisation')
    .set({ ...v, version: version + 1 })
    .where('structure_id', '=', structureId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

/** Of these user ids, those that are partner accounts of the structure. */
export async function partnerAccounts(tx: Tx, structureId: string, userIds: string[]) {
  if (!userIds.length) return new Set<string>()
  const rows = await tx
    .selectFrom('app_user')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('role', '=', 'partner')
    .where('id', 'in', userIds)
    .execute()
  return new Set(rows.map((r) => r.id))
}

export async function replaceOrganisationUsers(tx: Tx, structureId: string, organisationId: string, userIds: string[]) {
  await tx
    .deleteFrom('plie_organisation_user')
    .where('structure_id', '=', structureId)
    .where('organisation_id', '=', organisationId)
    .execute()
  if (userIds.length)
    await tx
      .insertInto('plie_organisation_user')
      .values(userIds.map((user_id) => ({ structure_id: structureId, organisation_id: organisationId, user_id })))
      .execute()
}

export async function listCommunes(tx: Tx, structureId: string) {
  return tx
    .selectFrom('plie_commune')
    .select(['commune_code as code', 'commune_name as name'])
    .where('structure_id', '=', structureId)
    .orderBy('commune_code')
    .execute()
}

export async function replaceCommunes(tx: Tx, structureId: string, list: { code: string; name: string }[]) {
  await tx.deleteFrom('plie_commune').where('structure_id', '=', structureId).execute()
  if (list.length)
    await tx
      .insertInto('plie_commune')
      .values(list.map((c) => ({ structure_id: structureId, commune_code: c.code, commune_name: c.name })))
      .execute()
}

/**
 * A partner account's people: those with a step hosted by, or an exit credited to, an organisation the account is
 * linked to — name, those steps, that exit; nothing else of the file.
 */
export async function partnerPeople(tx: Tx, structureId: string, userId: string): Promise<PartnerPerson[]> {
  const orgs = tx
    .selectFrom('plie_organisation_user')
    .select('organisation_id')
    .where('structure_id', '=', structureId)
    .where('user_id', '=', userId)
  const steps = await tx
    .selectFrom('plie_step as ps')
    .innerJoin('situation as s', (j) =>
      j.onRef('s.id', '=', 'ps.situation_id').onRef('s.structure_id', '=', 'ps.structure_id'),
    )
    .innerJoin('plie_organisation as o', (j) =>
      j.onRef('o.id', '=', 'ps.organisation_id').onRef('o.structure_id', '=', 'ps.structure_id'),
    )
    .where('ps.structure_id', '=', structureId)
    .where('ps.organisation_id', 'in', orgs)
    .select(['ps.person_id', 's.kind', 's.start_date', 's.planned_end_date', 's.end_date', 'o.name'])
    .orderBy('s.start_date')
    .orderBy('ps.situation_id')
    .execute()
  const exits = await tx
    .selectFrom('plie_pathway as pp')
    .innerJoin('enrolment as e', (j) =>
      j.onRef('e.id', '=', 'pp.enrolment_id').onRef('e.structure_id', '=', 'pp.structure_id'),
    )
    .innerJoin('plie_organisation as o', (j) =>
      j.onRef('o.id', '=', 'pp.partner_id').onRef('o.structure_id', '=', 'pp.structure_id'),
    )
    .where('pp.structure_id', '=', structureId)
    .where('pp.partner_id', 'in', orgs)
    .where('e.exit_date', 'is not', null)
    .where('e.exit_reason', 'is not', null)
    .select(['pp.person_id', 'e.exit_date', 'e.exit_reason', 'o.name'])
    .orderBy('e.exit_date', 'desc')
    .execute()
  const ids = [...new Set([...steps.map((s) => s.person_id), ...exits.map((e) => e.person_id)])]
  if (!ids.length) return []
  const persons = await tx
    .selectFrom('person')
    .select(['id', 'last_name', 'first_name'])
    .where('structure_id', '=', structureId)
    .where('id', 'in', ids)
    .orderBy('last_name')
    .orderBy('first_name')
    .orderBy('id')
    .execute()
  type Reason = keyof typeof enrolmentExitReasons.labels
  return persons.map((p) => {
    const exit = exits.find((e) => e.person_id === p.id)
    return {
      personId: p.id,
      lastName: p.last_name,
      firstName: p.first_name,
      steps: steps
        .filter((s) => s.person_id === p.id)
        .map((s) => {
          const kind = s.kind as SituationKind
          return {
            kind,
            kindLabel: situationKinds[kind]?.label ?? s.kind,
            stepKind: situationKinds[kind] ? stepKindOf(kind) : 'other',
            startDate: s.start_date,
            plannedEndDate: s.planned_end_date,
            endDate: s.end_date,
            organisationName: s.name,
          }
        }),
      exit: exit
        ? {
            date: exit.exit_date!,
            reason: exit.exit_reason as Reason,
            reasonLabel: enrolmentExitReasons.labels[exit.exit_reason as Reason] ?? String(exit.exit_reason),
            organisationName: exit.name,
          }
        : null,
    }
  })
}
