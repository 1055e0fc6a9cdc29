import { sql } from 'kysely'
import type { ProgrammeType } from '../../../shared/admin/admin.schema.ts'
import type { Tx } from '../../deps.ts'
import { findFormerCommune } from '../reference/communes.ts'
import type { ImportIssue } from './exchange.errors.ts'

// What an import accepts but the organisation should know: the bundle is imported, yet the annual report would not
// count what the organisation expects (no person in the Mission Locale programme), or a value was read in a way worth
// saying (a former commune). Warnings never refuse anything; the CLI prints them after the summary, the API returns
// them with the report.

export const MAX_WARNINGS = 50

/** Collects the warnings of one import; past the limit, counts the rest in a last line. */
export class WarningLog {
  readonly #items: ImportIssue[] = []
  #dropped = 0
  constructor(private readonly max = MAX_WARNINGS) {}
  add(w: ImportIssue) {
    if (this.#items.length < this.max) this.#items.push(w)
    else this.#dropped++
  }
  get list(): ImportIssue[] {
    return this.#dropped
      ? [...this.#items, { message: `… et ${this.#dropped} autre${this.#dropped > 1 ? 's' : ''} avertissement(s).` }]
      : [...this.#items]
  }
}

/**
 * The programme type whose enrolments make a person count in the annual report's Mission Locale figures
 * (`mlPersons`, src/server/reporting/sql.ts): keep the two in step.
 */
export const REPORTED_PROGRAMME_TYPE: ProgrammeType = 'mission_locale'

const PERSONS = 'persons.csv'
const n = (v: number) => v.toLocaleString('fr-FR')
const persons = (v: number) => `${n(v)} personne${v > 1 ? 's' : ''}`

/** Checks over the whole bundle, once every file is written (inside the import's transaction). */
export async function bundleWarnings(tx: Tx, structureId: string, names: string[], log: WarningLog) {
  if (!names.includes(PERSONS)) return
  await reportPopulation(tx, structureId, log)
  await formerCommunes(tx, structureId, log)
}

/** The persons of this bundle: the keys persons.csv gave (exchange_seen), each now a person's external_id. */
const bundlePersons = (structureId: string) => sql`
  exchange_seen s JOIN person p ON p.structure_id = ${structureId} AND p.external_id = s.key
  WHERE s.file = ${PERSONS}`

/** Persons in the bundle, none in the programme the report counts: the report would be empty. */
async function reportPopulation(tx: Tx, structureId: string, log: WarningLog) {
  const type = REPORTED_PROGRAMME_TYPE
  // whether one person is counted is enough: stop at the first (an import of 100 000 persons probed them all)
  const { rows } = await sql<{ total: number; counted: boolean; programmes: string | null }>`
    SELECT (SELECT count(*)::int FROM ${bundlePersons(structureId)}) AS total,
      EXISTS (SELECT 1 FROM ${bundlePersons(structureId)} AND EXISTS (
        SELECT 1 FROM enrolment e JOIN programme g ON g.id = e.programme_id
        WHERE e.person_id = p.id AND g.type = ${type})) AS counted,
      (SELECT string_agg(code, ', ' ORDER BY code) FROM programme
        WHERE structure_id = ${structureId} AND type = ${type}) AS programmes`.execute(tx)
  const { total, counted, programmes } = rows[0] ?? { total: 0, counted: false, programmes: null }
  if (!total || counted) return
  const missing = programmes
    ? `aucune n’a d’inscription au programme Mission Locale (${programmes}) dans enrolments.csv ni dans la base`
    : 'la structure n’a aucun programme Mission Locale (type mission_locale) : ni programmes.csv ni la base n’en ' +
      'déclarent'
  const code = programmes?.split(', ')[0] ?? 'ML'
  log.add({
    file: PERSONS,
    message:
      `${persons(total)} importée${total > 1 ? 's' : ''}, mais ${missing}. Le rapport annuel et les indicateurs ` +
      'Mission Locale ne comptent que les personnes inscrites, sur la période, à un programme de type ' +
      `mission_locale : ils seront vides pour ${total > 1 ? 'elles' : 'elle'}. Pour les compter : ` +
      (programmes ? '' : `déclarer le programme dans programmes.csv (code ${code}, type mission_locale), puis `) +
      `inscrire chaque jeune dans enrolments.csv (programme_code ${code}, entry_date, exit_date vide s’il est encore ` +
      'suivi) — voir « Ce qui fait les chiffres du rapport » dans docs/import-format.md.',
  })
}

/** Former communes are accepted as written: say which, and where they are counted. */
async function formerCommunes(tx: Tx, structureId: string, log: WarningLog) {
  const { rows } = await sql<{ code: string; n: number }>`
    SELECT p.commune_code AS code, count(*)::int AS n FROM ${bundlePersons(structureId)}
    AND p.commune_code IS NOT NULL GROUP BY p.commune_code ORDER BY p.commune_code`.execute(tx)
  const former = rows.flatMap((r) => {
    const f = findFormerCommune(r.code)
    return f ? [{ ...f, n: r.n }] : []
  })
  if (!former.length) return
  const total = former.reduce((s, f) => s + f.n, 0)
  const shown = former
    .slice(0, 10)
    .map((f) => `${f.code}${f.name ? ` ${f.name}` : ''} → ${f.successor.code} ${f.successor.name} (${persons(f.n)})`)
  const more = former.length > 10 ? `, et ${former.length - 10} autre(s)` : ''
  log.add({
    file: PERSONS,
    column: 'commune_code',
    message:
      `${persons(total)} avec le code d’une ancienne commune : ${shown.join(', ')}${more}. Le code est gardé tel ` +
      'qu’écrit ; les rapports par commune les comptent dans la commune actuelle.',
  })
}
