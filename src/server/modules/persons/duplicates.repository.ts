import { sql } from 'kysely'
import { frenchDate, swapDayMonth } from '../../../shared/dates.ts'
import type { DuplicateCandidate, DuplicateMatch, DuplicateQuery } from '../../../shared/persons/person.schema.ts'
import type { Actor, Tx } from '../../deps.ts'
import { visiblePersons } from './person.policy.ts'

/** Trigram similarity of the whole folded "last first" from which a spelling counts as close. */
export const CLOSE_SPELLING = 0.5
const MAX_CANDIDATES = 20

const reasons: Record<DuplicateMatch, (birthDate: string) => string> = {
  same_identity: () => 'Même nom, même prénom et même date de naissance.',
  inverted_names: () => 'Nom et prénom inversés, même date de naissance.',
  close_spelling: () => 'Nom ou prénom d’orthographe proche, même date de naissance.',
  swapped_day_month: (d) => `Même nom et prénom, né(e) le ${frenchDate(d)} : jour et mois de naissance inversés.`,
  near_birth_date: (d) => `Même nom et prénom, né(e) le ${frenchDate(d)} : date de naissance à un jour ou un an près.`,
  same_phone: () => 'Même numéro de téléphone.',
  same_email: () => 'Même adresse e-mail.',
}

/** The birth dates one typing slip away: a day before or after, the year before or after. */
export function nearBirthDates(birthDate: string): string[] {
  const d = new Date(`${birthDate}T00:00:00Z`)
  const shift = (days: number, years: number) => {
    const x = new Date(d)
    x.setUTCFullYear(x.getUTCFullYear() + years)
    x.setUTCDate(x.getUTCDate() + days)
    return x.toISOString().slice(0, 10)
  }
  // 29 February plus a year is 1 March: the slip is on the year, so the day stays the 28th
  const year = (years: number) => (birthDate.endsWith('-02-29') ? shift(-1, years) : shift(0, years))
  return [...new Set([shift(-1, 0), shift(1, 0), year(-1), year(1)])].filter((x) => x !== birthDate)
}

/**
 * Likely duplicates of an identity across the whole structure (not only the actor's scope: the point is to find the
 * person known by another site or programme). Candidates share the birth date, or have day and month swapped; among
 * them, same folded name, names inverted, or a close spelling. Out of the actor's scope, only what reception needs
 * to know the person is followed elsewhere: no id.
 */
export async function findDuplicates(
  tx: Tx,
  actor: Actor,
  q: Pick<DuplicateQuery, 'lastName' | 'firstName' | 'birthDate' | 'phone' | 'email'>,
  today: string,
  exceptId?: string,
): Promise<(DuplicateCandidate & { personId: string })[]> {
  const swapped = swapDayMonth(q.birthDate)
  const dates = swapped ? [q.birthDate, swapped] : [q.birthDate]
  const near = nearBirthDates(q.birthDate)
  const { rows } = await sql<{ name: string; inverted: string; phone: string | null }>`
    select jalon_search_name(${q.lastName} || ' ' || ${q.firstName}) as name,
           jalon_search_name(${q.firstName} || ' ' || ${q.lastName}) as inverted,
           jalon_phone_digits(${q.phone || null}) as phone`.execute(tx)
  const { name, inverted } = rows[0]!
  // a number of at least 8 digits (a short one would match by chance), an address as typed, case aside
  const phone = rows[0]!.phone && rows[0]!.phone.length >= 8 ? rows[0]!.phone : null
  const email = q.email?.trim() ? q.email.trim().toLowerCase() : null
  let query = tx
    .selectFrom('person')
    .innerJoin('site', 'site.id', 'person.site_id')
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .select([
      'person.id',
      'person.structure_id',
      'person.site_id',
      'person.referent_id',
      'person.last_name',
      'person.first_name',
      'person.birth_date',
      'person.search_name',
      'site.name as site_name',
      'r.display_name as referent_name',
      sql<number>`similarity(person.search_name, ${name})`.as('similarity'),
      // the person policy's one rule, evaluated for each candidate
      (eb) => visiblePersons(actor, today)(eb).as('visible'),
    ])
    .select(['person.phone_digits', sql<string | null>`lower(person.email)`.as('email')])
    .where('person.structure_id', '=', actor.structureId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('person.birth_date', 'in', dates),
          eb.or([
            eb('person.search_name', '=', name),
            eb('person.search_name', '=', inverted),
            sql<boolean>`similarity(person.search_name, ${name}) >= ${CLOSE_SPELLING}`,
          ]),
        ]),
        eb.and([eb('person.birth_date', 'in', near), eb('person.search_name', 'in', [name, inverted])]),
        ...(phone ? [eb('person.phone_digits', '=', phone)] : []),
        ...(email ? [sql<boolean>`lower(person.email) = ${email}`] : []),
      ]),
    )
  if (exceptId) query = query.where('person.id', '!=', exceptId)
  const found = await query.execute()

  const candidates = found.map((r) => {
    const sameDate = r.birth_date === q.birthDate
    const sameName = r.search_name === name
    const invertedName = r.search_name === inverted
    const similarity = Number(r.similarity)
    const byName = dates.includes(r.birth_date) && (sameName || invertedName || similarity >= CLOSE_SPELLING)
    let match: DuplicateMatch
    let score: number
    if (sameDate && sameName) [match, score] = ['same_identity', 1]
    else if (sameDate && invertedName) [match, score] = ['inverted_names', 0.95]
    else if (sameDate && byName) [match, score] = ['close_spelling', 0.9 * similarity]
    else if (byName) [match, score] = ['swapped_day_month', (sameName || invertedName ? 0.85 : 0.75) * similarity]
    else if (near.includes(r.birth_date) && (sameName || invertedName)) [match, score] = ['near_birth_date', 0.7]
    else if (phone && r.phone_digits === phone) [match, score] = ['same_phone', 0.6]
    else [match, score] = ['same_email', 0.6]
    let reason = reasons[match](r.birth_date)
    if (match === 'swapped_day_month' && !sameName)
      reason = `Nom ou prénom proche, né(e) le ${frenchDate(r.birth_date)} : jour et mois de naissance inversés.`
    const visible = !!r.visible
    return {
      personId: r.id,
      id: visible ? r.id : null,
      visible,
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      siteName: r.site_name,
      referentName: r.referent_name,
      match,
      reason,
      score: Math.round(score * 100) / 100,
    }
  })
  return candidates
    .sort((a, b) => b.score - a.score || a.lastName.localeCompare(b.lastName, 'fr'))
    .slice(0, MAX_CANDIDATES)
}

/**
 * Serialises the creations that could be duplicates of each other: same structure and same birth date, or day and
 * month swapped (both dates share one lock). Taken before the duplicate check, held until the transaction ends, so
 * the same newcomer entered at several desks at once is created once and the others get the duplicates answer.
 */
export async function lockIdentity(tx: Tx, structureId: string, birthDate: string) {
  const swapped = swapDayMonth(birthDate)
  const key = swapped && swapped < birthDate ? swapped : birthDate
  await sql`select pg_advisory_xact_lock(hashtext('person.create'), hashtext(${`${structureId} ${key}`}))`.execute(tx)
}

/** One line per candidate, for the 409 answer of a creation (problem+json `fields`). */
export const describeDuplicate = (c: DuplicateCandidate) =>
  `${c.lastName} ${c.firstName}, né(e) le ${frenchDate(c.birthDate)}, suivi(e) sur ${c.siteName}` +
  `${c.referentName ? ` par ${c.referentName}` : ''} — ${c.reason}`
