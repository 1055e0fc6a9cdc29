import type { Proposition, PropositionThemeItem } from '../../../shared/accompaniment/accompaniment.schema.ts'
import { propositionDomains } from '../../../shared/nomenclatures/accompaniment.ts'
import type { Tx } from '../../deps.ts'
import { findPersonRecord, updatePersonRecord } from './person-record.repository.ts'

/**
 * The configurable theme list: the national rows (structure_id NULL) and the structure's own, each local item mapped
 * to a national code. A local item with a national item's code replaces it for that structure. A theme is sensitive
 * when it says so or when the national theme it maps to is (a local "health" item stays protected).
 */
export async function loadThemes(tx: Tx, structureId: string): Promise<Map<string, PropositionThemeItem>> {
  const rows = await tx
    .selectFrom('proposition_theme')
    .selectAll()
    .where((eb) => eb.or([eb('structure_id', 'is', null), eb('structure_id', '=', structureId)]))
    .execute()
  const nationalSensitive = new Set(rows.filter((r) => r.structure_id === null && r.sensitive).map((r) => r.code))
  const themes = new Map<string, PropositionThemeItem>()
  for (const r of [...rows.filter((r) => r.structure_id === null), ...rows.filter((r) => r.structure_id !== null)])
    themes.set(r.code, {
      code: r.code,
      domain: r.domain,
      label: r.label,
      nationalCode: r.national_code,
      local: r.structure_id !== null,
      sensitive: r.sensitive || nationalSensitive.has(r.national_code),
      active: r.active,
    })
  return themes
}

const domainOrder = propositionDomains.codes as readonly string[]
export const sortedThemes = (themes: Map<string, PropositionThemeItem>) =>
  [...themes.values()].sort(
    (a, b) =>
      domainOrder.indexOf(a.domain) - domainOrder.indexOf(b.domain) ||
      Number(a.local) - Number(b.local) ||
      a.label.localeCompare(b.label, 'fr'),
  )

export interface PropositionFilter {
  from?: string
  to?: string
  domain?: string
  theme?: string
  page: number
  pageSize: number
}

export interface PropositionValues {
  date: string
  domain: string
  theme: string
  text: string | null
  outcome: string
  duration_minutes: number | null
}

function baseQuery(tx: Tx, personId: string) {
  return tx
    .selectFrom('proposition as p')
    .leftJoin('app_user as u', 'u.id', 'p.counsellor_id')
    .where('p.person_id', '=', personId)
    .select([
      'p.id',
      'p.person_id',
      'p.date',
      'p.domain',
      'p.theme',
      'p.text',
      'p.outcome',
      'p.duration_minutes',
      'p.counsellor_id',
      'u.display_name as counsellor_name',
      'p.site_id',
      'p.version',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>

const present =
  (themes: Map<string, PropositionThemeItem>) =>
  (r: Row): Proposition => {
    const theme = themes.get(r.theme)
    return {
      id: r.id,
      personId: r.person_id,
      date: r.date,
      domain: r.domain as Proposition['domain'],
      theme: r.theme,
      themeLabel: theme?.label ?? r.theme,
      nationalTheme: theme?.nationalCode ?? r.theme,
      sensitive: theme?.sensitive ?? false,
      text: r.text,
      outcome: r.outcome as Proposition['outcome'],
      durationMinutes: r.duration_minutes,
      counsellorId: r.counsellor_id,
      counsellorName: r.counsellor_name,
      siteId: r.site_id,
      version: r.version,
    }
  }

/**
 * A person's propositions, newest first. `hide` lists the theme codes the reader may not see: those rows are left out
 * and only counted.
 */
export async function listPropositions(
  tx: Tx,
  personId: string,
  f: PropositionFilter,
  themes: Map<string, PropositionThemeItem>,
  hide: string[],
) {
  let q = baseQuery(tx, personId)
  if (f.from) q = q.where('p.date', '>=', f.from)
  if (f.to) q = q.where('p.date', '<=', f.to)
  if (f.domain) q = q.where('p.domain', '=', f.domain)
  if (f.theme) q = q.where('p.theme', '=', f.theme)
  const count = (query: typeof q) =>
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => r.n)
  const hiddenSensitive = hide.length ? await count(q.where('p.theme', 'in', hide)) : 0
  if (hide.length) q = q.where('p.theme', 'not in', hide)
  const total = await count(q)
  const rows = await q
    .orderBy('p.date', 'desc')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  return { total, page: f.page, pageSize: f.pageSize, hiddenSensitive, items: rows.map(present(themes)) }
}

export async function getProposition(tx: Tx, personId: string, id: string, themes: Map<string, PropositionThemeItem>) {
  const row = await baseQuery(tx, personId).where('p.id', '=', id).executeTakeFirst()
  return row && present(themes)(row)
}

export function findPropositionRow(tx: Tx, personId: string, id: string) {
  return findPersonRecord(tx, 'proposition', personId, id)
}

export async function insertProposition(
  tx: Tx,
  ids: { structureId: string; personId: string; counsellorId: string; siteId: string },
  v: PropositionValues,
) {
  const { id } = await tx
    .insertInto('proposition')
    .values({
      structure_id: ids.structureId,
      person_id: ids.personId,
      counsellor_id: ids.counsellorId,
      site_id: ids.siteId,
      ...v,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export function updateProposition(tx: Tx, personId: string, id: string, version: number, v: PropositionValues) {
  return updatePersonRecord(tx, 'proposition', personId, id, version, v)
}
