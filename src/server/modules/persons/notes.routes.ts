import type { FastifyInstance } from 'fastify'
import { idParams } from '../../../shared/admin/admin.schema.ts'
import {
  NOTES_REMINDER,
  noteIdParams,
  noteInput,
  noteResultSchema,
  notesViewSchema,
  noteUpdateInput,
} from '../../../shared/persons/note.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Deps } from '../../deps.ts'
import { forbidden, notFound } from '../../errors.ts'
import { defineRoute } from '../../http/route.ts'
import { getNote, insertNote, listNotes, updateNote } from './notes.repository.ts'
import { loadVisiblePerson, personPolicy } from './person.policy.ts'

const tags = ['Personnes : notes']

export function noteRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:id/notes',
    summary: 'Notes de suivi, les plus récentes d’abord, avec le rappel de ce qu’elles ne doivent pas contenir',
    tags,
    access: personPolicy.file,
    params: idParams,
    response: notesViewSchema,
    handler: async ({ tx, actor, params, now }) => {
      const person = await loadVisiblePerson(tx, actor, params.id, now)
      return { reminder: NOTES_REMINDER, items: await listNotes(tx, person.id, actor.userId) }
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:id/notes',
    summary: 'Écrire une note de suivi',
    tags,
    access: personPolicy.write,
    params: idParams,
    body: noteInput,
    response: noteResultSchema,
    status: 201,
    handler: async ({ tx, actor, params, body, now, audit }) => {
      const person = await loadVisiblePerson(tx, actor, params.id, now)
      const id = await insertNote(tx, {
        structureId: actor.structureId,
        personId: person.id,
        text: body.text,
        actor,
        now,
      })
      await audit({ action: 'note.create', entity: 'person', entityId: person.id, detail: { noteId: id } })
      return { reminder: NOTES_REMINDER, note: (await getNote(tx, person.id, id, actor.userId))! }
    },
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:id/notes/:noteId',
    summary: 'Modifier sa propre note (avec la version lue)',
    tags,
    access: personPolicy.write,
    params: noteIdParams,
    body: noteUpdateInput,
    response: noteResultSchema,
    handler: async ({ tx, actor, params, body, now, audit }) => {
      const person = await loadVisiblePerson(tx, actor, params.id, now)
      const note = await getNote(tx, person.id, params.noteId, actor.userId)
      if (!note) throw notFound('Cette note')
      if (!note.editable) throw forbidden('Seul l’auteur d’une note peut la modifier.')
      await ensureUpdated(await updateNote(tx, person.id, params.noteId, body, now), async () => true, 'Cette note')
      await audit({ action: 'note.update', entity: 'person', entityId: person.id, detail: { noteId: params.noteId } })
      return { reminder: NOTES_REMINDER, note: (await getNote(tx, person.id, params.noteId, actor.userId))! }
    },
  })
}
