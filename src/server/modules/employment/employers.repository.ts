import { type Selectable, sql } from 'kysely'
import type {
  Employer,
  EmployerHistory,
  EmployerInput,
  EmployerSummary,
} from '../../../shared/employment/employers.schema.ts'
import { NAF } from '../../../shared/employment/naf.ts'
import type { Tx } from '../../deps.ts'
import type { EmployerTable } from './employment.tables.ts'

// The employers' SQL (docs/employment/employers.md): company files, the list's search (contacts and interactions:
// employer-contacts.repository.ts), and the history the other parts write (offers, placements, immersions, clause hours).

type EmployerRow = Selectable<EmployerTable>

/** the columns an employer's input writes (the import writes the same ones) */
export const employerValues = (i: EmployerInput) => ({
  siret: i.siret,
  name: i.name,
  trade_name: i.tradeName,
  naf_code: i.nafCode,
  legal_form: i.legalForm,
  workforce_band: i.workforceBand,
  address: i.address,
  postcode: i.postcode,
  commune_code: i.communeCode,
  commune_name: i.communeName,
  phone: i.phone,
  email: i.email,
  note: i.note,
})

const nafLabel = (code: string | null) => (code ? (NAF[code] ?? null) : null)

const employerOf = (r: EmployerRow & { officer_name: string | null }): Employer => ({
  id: r.id,
  siret: r.siret,
  name: r.name,
  tradeName: r.trade_name,
  nafCode: r.naf_code,
  nafLabel: nafLabel(r.naf_code),
  legalForm: r.legal_form,
  workforceBand: r.workforce_band,
  address: r.address,
  postcode: r.postcode,
  communeCode: r.commune_code,
  communeName: r.commune_name,
  phone: r.phone,
  email: r.email,
  note: r.note,
  officerId: r.officer_id,
  officerName: r.officer_name,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  version: r.version,
})

export async function findEmployer(tx: Tx, sid: string, id: string): Promise<Employer | undefined> {
  const row = await tx
    .selectFrom('employer as e')
    .leftJoin('app_user as u', 'u.id', 'e.officer_id')
    .selectAll('e')
    .select('u.display_name as officer_name')
    .where('e.structure_id', '=', sid)
    .where('e.id', '=', id)
    .executeTakeFirst()
  return row && employerOf(row)
}

export const employerExists = async (tx: Tx, sid: string, id: string) =>
  !!(await tx
    .selectFrom('employer')
    .select('id')
    .where('structure_id', '=', sid)
    .where('id', '=', id)
    .executeTakeFirst())

export const employerBySiret = (tx: Tx, sid: string, siret: string) =>
  tx
    .selectFrom('employer')
    .select(['id', 'name', 'version'])
    .where('structure_id', '=', sid)
    .where('siret', '=', siret)
    .executeTakeFirst()

export async function insertEmployer(
  tx: Tx,
  sid: string,
  input: EmployerInput,
  officerId: string | null,
  externalId: string | null = null,
) {
  const row = await tx
    .insertInto('employer')
    .values({ structure_id: sid, ...employerValues(input), officer_id: officerId, external_id: externalId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const updateEmployer = (
  tx: Tx,
  sid: string,
  id: string,
  version: number,
  values: Partial<ReturnType<typeof employerValues>> & { active?: boolean },
) =>
  tx
    .updateTable('employer')
    .set({ ...values, version: sql`version + 1` })
    .where('structure_id', '=', sid)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()

/** « the words » of a search, for LIKE: %, _ and \ taken literally */
const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`)

export async function listEmployers(
  tx: Tx,
  sid: string,
  q: { q?: string; active: 'true' | 'false' | 'all'; page: number; pageSize: number },
): Promise<{ items: EmployerSummary[]; total: number }> {
  let base = tx.selectFrom('employer as e').where('e.structure_id', '=', sid)
  if (q.active !== 'all') base = base.where('e.active', '=', q.active === 'true')
  const words = (q.q ?? '').split(/\s+/).filter(Boolean)
  for (const word of words) {
    const digits = word.replace(/[.-]/g, '')
    const like = `%${likeEscape(word)}%`
    base = base.where((eb) =>
      eb.or([
        eb(sql`jalon_fold(e.name)`, 'like', sql`jalon_fold(${like})`),
        eb(sql`jalon_fold(coalesce(e.trade_name, ''))`, 'like', sql`jalon_fold(${like})`),
        eb(sql`jalon_fold(coalesce(e.commune_name, ''))`, 'like', sql`jalon_fold(${like})`),
        ...(/^[0-9]+$/.test(digits)
          ? [eb('e.siret', 'like', `${digits}%`), eb('e.postcode', 'like', `${digits}%`)]
          : []),
      ]),
    )
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0)
  const rows = await base
    .selectAll('e')
    .select((eb) => [
      eb
        .selectFrom('employer_interaction as i')
        .whereRef('i.structure_id', '=', 'e.structure_id')
        .whereRef('i.employer_id', '=', 'e.id')
        .select((x) => x.fn.max('i.date').as('d'))
        .as('last_interaction_on'),
      eb
        .selectFrom('job_offer as o')
        .whereRef('o.structure_id', '=', 'e.structure_id')
        .whereRef('o.employer_id', '=', 'e.id')
        .where('o.status', '=', 'open')
        .select((x) => x.fn.countAll<number>().as('n'))
        .as('open_offers'),
    ])
    .orderBy(sql`jalon_fold(e.name)`)
    .orderBy('e.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      siret: r.siret,
      name: r.name,
      tradeName: r.trade_name,
      nafCode: r.naf_code,
      nafLabel: nafLabel(r.naf_code),
      workforceBand: r.workforce_band,
      postcode: r.postcode,
      communeName: r.commune_name,
      active: r.active,
      lastInteractionOn: (r.last_interaction_on as string | null) ?? null,
      openOffers: Number(r.open_offers ?? 0),
    })),
  }
}

// ---- contacts

const HISTORY_ROWS = 50
const personName = (r: { first_name: string | null; last_name: string | null }, named: boolean) =>
  named && r.last_name ? `${r.last_name.toUpperCase()} ${r.first_name ?? ''}`.trim() : null

/** the offers, hires, immersions and clause lots of a company; names of people only when `named` */
export async function employerHistory(
  tx: Tx,
  sid: string,
  employerId: string,
  named: boolean,
): Promise<EmployerHistory> {
  const offers = await tx
    .selectFrom('job_offer')
    .select(['id', 'title', 'status', 'contract_kind', 'positions', 'created_at'])
    .where('structure_id', '=', sid)
    .where('employer_id', '=', employerId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  const placements = await tx
    .selectFrom('placement as p')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.structure_id', '=', 'p.structure_id').onRef('pe.id', '=', 'p.person_id'),
    )
    .select(['p.id', 'p.contract_kind', 'p.job_title', 'p.start_date', 'pe.first_name', 'pe.last_name'])
    .where('p.structure_id', '=', sid)
    .where('p.employer_id', '=', employerId)
    .orderBy('p.start_date', 'desc')
    .orderBy('p.id')
    .execute()
  const immersions = await tx
    .selectFrom('immersion as im')
    .innerJoin('person as pe', (j) =>
      j.onRef('pe.structure_id', '=', 'im.structure_id').onRef('pe.id', '=', 'im.person_id'),
    )
    .select(['im.id', 'im.job_title', 'im.starts_on', 'im.ends_on', 'im.status', 'pe.first_name', 'pe.last_name'])
    .where('im.structure_id', '=', sid)
    .where('im.employer_id', '=', employerId)
    .orderBy('im.starts_on', 'desc')
    .orderBy('im.id')
    .execute()
  const lots = await tx
    .selectFrom('clause_lot as l')
    .innerJoin('clause_operation as o', (j) =>
      j.onRef('o.structure_id', '=', 'l.structure_id').onRef('o.id', '=', 'l.operation_id'),
    )
    .select((eb) => [
      'l.id',
      'l.label',
      'l.required_hours',
      'o.name as operation_name',
      eb
        .selectFrom('clause_hours as h')
        .whereRef('h.structure_id', '=', 'l.structure_id')
        .whereRef('h.lot_id', '=', 'l.id')
        .select(sql<string>`coalesce(sum(h.hours), 0)`.as('s'))
        .as('hours_done'),
    ])
    .where('l.structure_id', '=', sid)
    .where('l.employer_id', '=', employerId)
    .orderBy('o.name')
    .orderBy('l.label')
    .execute()
  const clauseLots = lots.map((l) => ({
    id: l.id,
    operationName: l.operation_name,
    label: l.label,
    requiredHours: l.required_hours,
    hoursDone: Number(l.hours_done ?? 0),
  }))
  return {
    offers: offers.slice(0, HISTORY_ROWS).map((o) => ({
      id: o.id,
      title: o.title,
      status: o.status,
      contractKind: o.contract_kind,
      positions: o.positions,
      createdOn: o.created_at.toISOString().slice(0, 10),
    })),
    placements: placements.slice(0, HISTORY_ROWS).map((p) => ({
      id: p.id,
      personName: personName(p, named),
      contractKind: p.contract_kind,
      jobTitle: p.job_title,
      startDate: p.start_date,
    })),
    immersions: immersions.slice(0, HISTORY_ROWS).map((i) => ({
      id: i.id,
      personName: personName(i, named),
      jobTitle: i.job_title,
      startsOn: i.starts_on,
      endsOn: i.ends_on,
      status: i.status,
    })),
    clauseLots,
    counts: {
      offers: offers.length,
      placements: placements.length,
      immersions: immersions.length,
      clauseHours: clauseLots.reduce((s, l) => s + l.hoursDone, 0),
    },
  }
}
