import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Issue 10: "who viewed this file". A person's lines in the audit trail are those about the person itself (entity
// 'person': identity, statuses, dated attributes, notes, sensitive reads) and those about one of their records that
// name them (detail.personId: events, propositions, situations, enrolments, appointments). One expression says which
// person a line is about (admin/audit-person.ts writes the same), indexed with the structure and the line's order, so
// that a file's trail reads its own lines instead of the whole structure's.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE INDEX audit_event_person_idx ON audit_event (
      structure_id,
      (CASE WHEN entity = 'person' THEN entity_id ELSE detail->>'personId' END),
      id DESC
    );
  `,
  )
}
