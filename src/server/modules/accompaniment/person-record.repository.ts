import type { Selectable } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { Tx } from '../../deps.ts'

/** The person's dated records that a counsellor edits, each with a version for optimistic locking. */
export type PersonRecordTable = 'event' | 'proposition' | 'situation' | 'enrolment'

/** One of the person's records, whatever its state; undefined when it is not theirs or does not exist. */
export function findPersonRecord<T extends PersonRecordTable>(
  tx: Tx,
  table: T,
  personId: string,
  id: string,
): Promise<Selectable<Database[T]> | undefined> {
  return tx
    .selectFrom(table as 'event')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst() as Promise<Selectable<Database[T]> | undefined>
}

/** Versioned update; undefined when no row matched (gone, or changed since it was read): see ensureUpdated. */
export function updatePersonRecord(
  tx: Tx,
  table: PersonRecordTable,
  personId: string,
  id: string,
  version: number,
  values: object,
) {
  return tx
    .updateTable(table as 'event')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}
