import { z } from 'zod'
import { pageQuery } from '../admin/admin.schema.ts'
import { listFilters } from '../lists/list.schema.ts'
import { calendarDate, safeText } from '../primitives.ts'

// The person search's query (GET /api/persons), apart from the rest of the person's schemas (person.schema.ts, which
// re-exports it): the web app's first load reads it (the search page's URL state, through the persons module's
// manifest) and so does not carry the creation form's schemas, the agenda's nor the situation's (docs/performance.md).

// Search ----------------------------------------------------------------------------------------------------------
export const personSortSchema = z.enum(['relevance', 'name', 'birthDate', 'firstReception', 'updatedAt'])

/** The words of a name search as typed (split on spaces): each must match the person's name. */
export const searchWords = (q: string | undefined) => (q ?? '').split(/\s+/u).filter(Boolean)
/** Fewer letters than this in a word would match a good share of the structure (a prefix of most names). */
export const SEARCH_WORD_MIN_LETTERS = 2
export const SEARCH_MAX_WORDS = 8
/** The search counts its matches up to this number; past it the answer says "more than" and lists the first ones. */
export const PERSON_SEARCH_CAP = 1000
const letters = (word: string) => word.match(/[\p{L}\p{N}]/gu)?.length ?? 0

/**
 * GET /api/persons: q = name, any order, tolerant to accents, case and small spelling mistakes (Lefevre finds
 * Lefèvre, Dupont finds Dupond); every word typed must match the last or first name (a word may be the start of a
 * name: "lef" finds Lefèvre), so "Joey Ophélie" does not list every Ophélie. Each word has at least 2 letters or
 * digits. phone = digits (at least 4), +33 read as 0, matched anywhere in the number.
 * Sort defaults to relevance when q is given, else name. Omit empty parameters.
 */
export const personSearchQuery = pageQuery.extend({
  q: safeText()
    .trim()
    .max(100, '100 caractères au plus.')
    .refine(
      (q) => searchWords(q).every((w) => letters(w) >= SEARCH_WORD_MIN_LETTERS),
      `Chaque mot du nom compte au moins ${SEARCH_WORD_MIN_LETTERS} lettres (« Du » ou « Dupont », pas « D »).`,
    )
    .refine((q) => searchWords(q).length <= SEARCH_MAX_WORDS, `${SEARCH_MAX_WORDS} mots au plus.`)
    .optional(),
  birthDate: calendarDate('Date de naissance au format AAAA-MM-JJ.').optional(),
  phone: safeText()
    .trim()
    .max(30, '30 caractères au plus.')
    .regex(/^(?:\D*\d){4}/, 'Au moins 4 chiffres.')
    .optional(),
  siteId: z.uuid('Site invalide.').optional(),
  referentId: z.uuid('Référent invalide.').optional(),
  programmeId: listFilters.shape.programmeId,
  ageOutBefore: listFilters.shape.ageOutBefore,
  cejEndBefore: listFilters.shape.cejEndBefore,
  sort: personSortSchema.optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
})
export type PersonSearch = z.input<typeof personSearchQuery>
