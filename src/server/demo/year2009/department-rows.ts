import type { Insertable } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Tx } from '../../deps.ts'
import type { BulkWriter } from '../bulk.ts'
import type { DemoContext } from '../demo-context.ts'
import { DEMO_STRUCTURE } from '../demo-organisation.ts'
import { type RowCounts, UNUSABLE_PASSWORD } from './insert.ts'

// A department's part of the 2009 data set (a module's `dataset2009`, e.g. the PLIE's) has staff, persons, status
// periods, enrolments and situations: rows of the admin, persons and accompaniment modules. As for the Mission Locale
// part, the data set's loader writes them (a module writes only its own tables: modules.unit.test.ts); the department
// builds them and writes its own tables beside them.

/** the department's staff: inactive users who cannot sign in (referents of the data), at their site, in a programme */
export async function writeDepartmentStaff(
  tx: Tx,
  bulk: BulkWriter,
  ctx: DemoContext,
  staff: { email: string; displayName: string; siteId: string }[],
  programmeId: string,
  counts: RowCounts,
): Promise<string[]> {
  const s = ctx.structureId
  // e-mails are unique across structures: another structure loading the data set gets its own addresses
  const emailOf = (e: string) => (s === DEMO_STRUCTURE.id ? e : e.replace('@', `+${s}@`))
  const users = await tx
    .insertInto('app_user')
    .values(
      staff.map((m) => ({
        structure_id: s,
        email: emailOf(m.email),
        display_name: m.displayName,
        role: 'counsellor' as const,
        password_hash: UNUSABLE_PASSWORD,
        active: false,
      })),
    )
    .returning(['id', 'email'])
    .execute()
  const byEmail = new Map(users.map((u) => [u.email, u.id]))
  const ids = staff.map((m) => byEmail.get(emailOf(m.email))!)
  counts.app_user = users.length
  counts.user_site = await bulk.write(
    'user_site',
    staff.map((m, k) => ({ user_id: ids[k], site_id: m.siteId })),
  )
  counts.user_programme = await bulk.write(
    'user_programme',
    ids.map((user_id) => ({ user_id, programme_id: programmeId })),
  )
  return ids
}

export interface PersonFileRows {
  person?: Iterable<Insertable<Database['person']>>
  status_period?: Iterable<Insertable<Database['status_period']>>
  enrolment?: Iterable<Insertable<Database['enrolment']>>
  situation?: Iterable<Insertable<Database['situation']>>
}

/** writes the person-file rows a department built, in the order their keys need (persons first) */
export async function writePersonFileRows(bulk: BulkWriter, rows: PersonFileRows, counts: RowCounts): Promise<void> {
  if (rows.person) counts.person = await bulk.write('person', rows.person)
  if (rows.status_period) counts.status_period = await bulk.write('status_period', rows.status_period)
  if (rows.enrolment) counts.enrolment = await bulk.write('enrolment', rows.enrolment)
  if (rows.situation) counts.situation = await bulk.write('situation', rows.situation)
}
