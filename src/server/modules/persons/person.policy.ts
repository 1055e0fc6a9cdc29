import { type ExpressionBuilder, sql } from 'kysely'
import { can, capabilities, type Role } from '../../../shared/auth/roles.ts'
import { dayIn } from '../../../shared/dates.ts'
import type { Database } from '../../db/schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { forbidden, notFound } from '../../errors.ts'
import { enrolmentOpenOn } from '../accompaniment/index.ts'

/**
 * Who may see and change a person's file. Declared here, nowhere else.
 *
 * - identity: search, duplicates check, identity and contact. Reception and every front-line role need it.
 * - file: the whole accompaniment record (situations over time, events, propositions, situations, programmes, notes).
 * - write: record events, propositions, situations, programmes, notes, dated attributes.
 * - sensitive: welfare (RSA status, resources), disability (RQTH) and justice statuses, health propositions. Only
 *   those who follow the person; each read audited; left out (sensitiveHidden) for the others, who may not record them.
 * - duplicates: the check before creating a file looks across the whole structure; a match out of the actor's
 *   scope is answered with name, birth date, site and referent only (no id), so reception learns the person is
 *   followed elsewhere without reading the file.
 * - reference: the lists the person forms need (counsellors who can be referent).
 *
 * Scope of records: a director sees the whole structure; others see the people of their sites, the people they are
 * referent of, and the people they follow as referent of an enrolment open today (visiblePersons, the only rule:
 * lists, a file, the duplicates check all apply it in SQL). Statisticians, partners and admins have no access to
 * individual files here: the statistician works on aggregates (reporting module), the admin manages the system.
 * The role lists are named capabilities of src/shared/auth/roles.ts.
 */
export const personPolicy = {
  identity: capabilities.persons,
  create: capabilities.personCreate,
  editIdentity: capabilities.personEditIdentity,
  file: capabilities.personFile,
  write: capabilities.personWrite,
  sensitive: capabilities.personSensitive,
  caseload: capabilities.caseload,
  duplicates: capabilities.personDuplicates,
  reference: capabilities.persons,
  /** a list of persons as a CSV or XLSX file (audited): not reception nor the officers, who search one person */
  export: capabilities.listExport,
} as const satisfies Record<string, readonly Role[]>

const seesWholeStructure = (actor: Actor) => can(actor.role, 'personsWholeStructure')

/**
 * A where-clause for lists: the persons this actor may see on `today` (the organisation's day, from the clock). A
 * programme referent (e.g. the PLIE referent on another site) follows the person while their enrolment is open that
 * day — the accompaniment module's one definition, the same the caseload and the report use.
 */
export function visiblePersons(actor: Actor, today: string) {
  return (eb: ExpressionBuilder<Database, 'person'>) => {
    const inStructure = eb('person.structure_id', '=', actor.structureId)
    if (seesWholeStructure(actor)) return inStructure
    const bySite = actor.siteIds.length ? eb('person.site_id', 'in', actor.siteIds) : sql<boolean>`false`
    const byEnrolment = eb.exists(
      eb
        .selectFrom('enrolment')
        .select('enrolment.id')
        .whereRef('enrolment.person_id', '=', 'person.id')
        .where('enrolment.referent_id', '=', actor.userId)
        .where(enrolmentOpenOn('enrolment', today)),
    )
    return eb.and([inStructure, eb.or([bySite, eb('person.referent_id', '=', actor.userId), byEnrolment])])
  }
}

/** Loads the person if the actor may see it; a person out of scope answers 404, so its existence does not leak. */
export async function loadVisiblePerson(tx: Tx, actor: Actor, personId: string, now: Date) {
  const row = await tx
    .selectFrom('person')
    .selectAll()
    .where('id', '=', personId)
    .where(visiblePersons(actor, dayIn(now, actor.timeZone)))
    .executeTakeFirst()
  if (!row) throw notFound('Cette personne')
  return row
}

export function canSeeSensitive(actor: Actor, person: { referent_id: string | null; site_id: string }) {
  if (!can(actor.role, 'personSensitive')) return false
  if (seesWholeStructure(actor)) return true
  return person.referent_id === actor.userId || actor.siteIds.includes(person.site_id)
}

/** What the actor may do on a visible person's file (the screens offer only that). */
export function abilitiesOn(actor: Actor, person: { referent_id: string | null; site_id: string }) {
  const has = (roles: readonly Role[]) => roles.includes(actor.role)
  return {
    readFile: has(personPolicy.file),
    write: has(personPolicy.write),
    editIdentity: has(personPolicy.editIdentity),
    seeSensitive: canSeeSensitive(actor, person),
  }
}

export function requireRole(actor: Actor, roles: readonly Role[]) {
  if (!roles.includes(actor.role)) throw forbidden()
}
