import { sql } from 'kysely'
import type {
  ContactInput,
  EmployerContact,
  EmployerInteraction,
  InteractionInput,
} from '../../../shared/employment/employers.schema.ts'
import type { Tx } from '../../deps.ts'

// The SQL of an employer's contacts and of every contact with the company (interactions), by officer
// (docs/employment/employers.md); the company itself is in employers.repository.ts.

export async function listContacts(tx: Tx, sid: string, employerId: string): Promise<EmployerContact[]> {
  const rows = await tx
    .selectFrom('employer_contact')
    .selectAll()
    .where('structure_id', '=', sid)
    .where('employer_id', '=', employerId)
    .orderBy('active', 'desc')
    .orderBy('is_primary', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    jobTitle: r.job_title,
    phone: r.phone,
    email: r.email,
    isPrimary: r.is_primary,
    active: r.active,
    version: r.version,
  }))
}

const contactValues = (i: ContactInput) => ({
  name: i.name,
  job_title: i.jobTitle,
  phone: i.phone,
  email: i.email,
  is_primary: i.isPrimary,
})

export async function insertContact(tx: Tx, sid: string, employerId: string, i: ContactInput) {
  const row = await tx
    .insertInto('employer_contact')
    .values({ structure_id: sid, employer_id: employerId, ...contactValues(i), external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updateContact = (
  tx: Tx,
  sid: string,
  employerId: string,
  id: string,
  version: number,
  i: ContactInput & { active: boolean },
) =>
  tx
    .updateTable('employer_contact')
    .set({ ...contactValues(i), active: i.active, version: sql`version + 1` })
    .where('structure_id', '=', sid)
    .where('employer_id', '=', employerId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

/** one primary contact per company: the others lose the mark */
export const clearPrimary = (tx: Tx, sid: string, employerId: string, keep: string) =>
  tx
    .updateTable('employer_contact')
    .set({ is_primary: false, version: sql`version + 1` })
    .where('structure_id', '=', sid)
    .where('employer_id', '=', employerId)
    .where('id', '!=', keep)
    .where('is_primary', '=', true)
    .execute()

export const contactExists = async (tx: Tx, sid: string, employerId: string, id: string) =>
  !!(await tx
    .selectFrom('employer_contact')
    .select('id')
    .where('structure_id', '=', sid)
    .where('employer_id', '=', employerId)
    .where('id', '=', id)
    .executeTakeFirst())

// ---- interactions

export async function listInteractions(tx: Tx, sid: string, employerId: string): Promise<EmployerInteraction[]> {
  const rows = await tx
    .selectFrom('employer_interaction as i')
    .leftJoin('app_user as u', 'u.id', 'i.officer_id')
    .leftJoin('employer_contact as c', (j) =>
      j.onRef('c.structure_id', '=', 'i.structure_id').onRef('c.id', '=', 'i.contact_id'),
    )
    .selectAll('i')
    .select(['u.display_name as officer_name', 'c.name as contact_name'])
    .where('i.structure_id', '=', sid)
    .where('i.employer_id', '=', employerId)
    .orderBy('i.date', 'desc')
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind,
    officerId: r.officer_id,
    officerName: r.officer_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    subject: r.subject,
    note: r.note,
    version: r.version,
  }))
}

export async function insertInteraction(
  tx: Tx,
  sid: string,
  employerId: string,
  officerId: string,
  i: InteractionInput,
) {
  const row = await tx
    .insertInto('employer_interaction')
    .values({
      structure_id: sid,
      employer_id: employerId,
      date: i.date,
      kind: i.kind,
      officer_id: officerId,
      contact_id: i.contactId,
      subject: i.subject,
      note: i.note,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updateInteraction = (
  tx: Tx,
  sid: string,
  employerId: string,
  id: string,
  version: number,
  i: InteractionInput,
) =>
  tx
    .updateTable('employer_interaction')
    .set({
      date: i.date,
      kind: i.kind,
      contact_id: i.contactId,
      subject: i.subject,
      note: i.note,
      version: sql`version + 1`,
    })
    .where('structure_id', '=', sid)
    .where('employer_id', '=', employerId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

export const interactionExists = async (tx: Tx, sid: string, employerId: string, id: string) =>
  !!(await tx
    .selectFrom('employer_interaction')
    .select('id')
    .where('structure_id', '=', sid)
    .where('employer_id', '=', employerId)
    .where('id', '=', id)
    .executeTakeFirst())

// ---- history (the tables the other parts fill)
