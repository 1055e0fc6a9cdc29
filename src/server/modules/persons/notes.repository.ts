import type { Note } from '../../../shared/persons/note.schema.ts'
import type { Actor, Tx } from '../../deps.ts'

function noteQuery(tx: Tx, personId: string) {
  return tx
    .selectFrom('person_note as n')
    .leftJoin('app_user as u', 'u.id', 'n.author_id')
    .select(['n.id', 'n.text', 'n.author_id', 'u.display_name', 'n.created_at', 'n.updated_at', 'n.version'])
    .where('n.person_id', '=', personId)
}
type NoteRow = Awaited<ReturnType<ReturnType<typeof noteQuery>['executeTakeFirstOrThrow']>>
const present = (r: NoteRow, readerId: string): Note => ({
  id: r.id,
  text: r.text,
  authorId: r.author_id,
  authorName: r.display_name,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
  editable: r.author_id === readerId,
})

export async function listNotes(tx: Tx, personId: string, readerId: string): Promise<Note[]> {
  const rows = await noteQuery(tx, personId).orderBy('n.created_at', 'desc').orderBy('n.id').execute()
  return rows.map((r) => present(r, readerId))
}

export async function getNote(tx: Tx, personId: string, noteId: string, readerId: string) {
  const row = await noteQuery(tx, personId).where('n.id', '=', noteId).executeTakeFirst()
  return row ? present(row, readerId) : undefined
}

export async function insertNote(
  tx: Tx,
  n: { structureId: string; personId: string; text: string; actor: Pick<Actor, 'userId'>; now: Date },
) {
  const { id } = await tx
    .insertInto('person_note')
    .values({
      structure_id: n.structureId,
      person_id: n.personId,
      text: n.text,
      author_id: n.actor.userId,
      created_at: n.now,
      updated_at: n.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function updateNote(
  tx: Tx,
  personId: string,
  noteId: string,
  change: { text: string; version: number },
  now: Date,
) {
  return tx
    .updateTable('person_note')
    .set({ text: change.text, updated_at: now, version: change.version + 1 })
    .where('id', '=', noteId)
    .where('person_id', '=', personId)
    .where('version', '=', change.version)
    .returning('id')
    .executeTakeFirst()
}
