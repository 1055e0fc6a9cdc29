import { z } from 'zod'
import { safeText, versionSchema } from '../primitives.ts'

/** Shown above the notes, on screen and in every answer: what a note is for, and what it must not hold. */
export const NOTES_REMINDER =
  'La personne peut demander à lire ces notes (droit d’accès) : écrivez-les comme si elle les lisait, en vous en ' +
  'tenant aux faits utiles à son accompagnement. N’y inscrivez aucun détail de santé, de handicap ni de justice.'

const text = safeText('Texte requis.').trim().min(1, 'Texte requis.').max(5000, '5 000 caractères au plus.')

/** POST /api/persons/:id/notes */
export const noteInput = z.object({ text })
/** PUT /api/persons/:id/notes/:noteId: by its author only, with the version read */
export const noteUpdateInput = z.object({ text, version: versionSchema })
export type NoteInput = z.input<typeof noteInput>
export type NoteUpdateInput = z.input<typeof noteUpdateInput>

export const noteIdParams = z.object({ id: z.uuid('Identifiant invalide.'), noteId: z.uuid() })

export const noteSchema = z.object({
  id: z.string(),
  text: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** the reader wrote it and may change it */
  editable: z.boolean(),
})
export type Note = z.infer<typeof noteSchema>

/** GET /api/persons/:id/notes: latest first, with the reminder. POST / PUT answer one note with the reminder. */
export const notesViewSchema = z.object({ reminder: z.string(), items: z.array(noteSchema) })
export type NotesView = z.infer<typeof notesViewSchema>
export const noteResultSchema = z.object({ reminder: z.string(), note: noteSchema })
