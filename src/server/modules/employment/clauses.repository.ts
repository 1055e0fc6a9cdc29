import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// The procurement clauses' SQL (docs/employment/clauses.md): the hours required and done by operation, lot and
// company, the operation's participants and contracts (the statements: clause-statements.repository.ts). Hours are numeric(7,2): read back as numbers.

const num = (v: unknown) => Number(v ?? 0)

/** Every operation of the structure with its required hours (the lots') and done hours (the lots' hours). */
export async function operationSummaries(tx: Tx, sid: string, operationId?: string) {
  let q = tx
    .selectFrom('clause_operation as o')
    .selectAll('o')
    .select((eb) => [
      eb
        .selectFrom('clause_lot as l')
        .whereRef('l.structure_id', '=', 'o.structure_id')
        .whereRef('l.operation_id', '=', 'o.id')
        .select(sql<string>`coalesce(sum(l.required_hours), 0)`.as('n'))
        .as('required_hours'),
      eb
        .selectFrom('clause_lot as l')
        .whereRef('l.structure_id', '=', 'o.structure_id')
        .whereRef('l.operation_id', '=', 'o.id')
        .select(sql<string>`count(*)`.as('n'))
        .as('lot_count'),
      eb
        .selectFrom('clause_hours as h')
        .innerJoin('clause_lot as l', (j) =>
          j.onRef('l.structure_id', '=', 'h.structure_id').onRef('l.id', '=', 'h.lot_id'),
        )
        .whereRef('l.structure_id', '=', 'o.structure_id')
        .whereRef('l.operation_id', '=', 'o.id')
        .select(sql<string>`coalesce(sum(h.hours), 0)`.as('n'))
        .as('done_hours'),
      eb
        .selectFrom('clause_hours as h')
        .innerJoin('clause_lot as l', (j) =>
          j.onRef('l.structure_id', '=', 'h.structure_id').onRef('l.id', '=', 'h.lot_id'),
        )
        .whereRef('l.structure_id', '=', 'o.structure_id')
        .whereRef('l.operation_id', '=', 'o.id')
        .select(sql<string>`count(DISTINCT h.person_id)`.as('n'))
        .as('participant_count'),
    ])
    .where('o.structure_id', '=', sid)
  if (operationId) q = q.where('o.id', '=', operationId)
  const rows = await q.orderBy('o.name').orderBy('o.id').execute()
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    contractingAuthority: o.contracting_authority,
    contractRef: o.contract_ref,
    siteLabel: o.site_label,
    communeName: o.commune_name,
    startsOn: o.starts_on,
    endsOn: o.ends_on,
    status: o.status,
    version: o.version,
    lotCount: num(o.lot_count),
    participantCount: num(o.participant_count),
    requiredHours: num(o.required_hours),
    doneHours: num(o.done_hours),
  }))
}

/** The lots (of one operation, or all) with their company and their hours. */
export async function lotRows(tx: Tx, sid: string, operationId?: string) {
  let q = tx
    .selectFrom('clause_lot as l')
    .leftJoin('employer as e', (j) =>
      j.onRef('e.structure_id', '=', 'l.structure_id').onRef('e.id', '=', 'l.employer_id'),
    )
    .select(['l.id', 'l.operation_id', 'l.label', 'l.employer_id', 'l.required_hours', 'l.version'])
    .select(['e.name as employer_name', 'e.siret as employer_siret'])
    .select((eb) =>
      eb
        .selectFrom('clause_hours as h')
        .whereRef('h.structure_id', '=', 'l.structure_id')
        .whereRef('h.lot_id', '=', 'l.id')
        .select(sql<string>`coalesce(sum(h.hours), 0)`.as('n'))
        .as('done_hours'),
    )
    .where('l.structure_id', '=', sid)
  if (operationId) q = q.where('l.operation_id', '=', operationId)
  const rows = await q.orderBy('l.label').orderBy('l.id').execute()
  return rows.map((l) => ({
    id: l.id,
    operationId: l.operation_id,
    label: l.label,
    employerId: l.employer_id,
    employerName: l.employer_name,
    employerSiret: l.employer_siret,
    version: l.version,
    requiredHours: l.required_hours,
    doneHours: num(l.done_hours),
  }))
}

/** Required and done hours by company (a lot without a company counts under « Entreprise à désigner »). */
export function byCompany(lots: Awaited<ReturnType<typeof lotRows>>) {
  const out = new Map<string, { employerId: string | null; name: string; requiredHours: number; doneHours: number }>()
  for (const l of lots) {
    const key = l.employerId ?? ''
    const row = out.get(key) ?? {
      employerId: l.employerId,
      name: l.employerName ?? 'Entreprise à désigner',
      requiredHours: 0,
      doneHours: 0,
    }
    row.requiredHours += l.requiredHours
    row.doneHours = Math.round((row.doneHours + l.doneHours) * 100) / 100
    out.set(key, row)
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
}

/** The structure's participants, or those who worked on / signed with an operation, with their hours there. */
export async function participantRows(tx: Tx, sid: string, operationId?: string) {
  const onOperation = operationId ? sql`AND l.operation_id = ${operationId}` : sql``
  const hours = sql<string>`(SELECT coalesce(sum(h.hours), 0) FROM clause_hours h
    JOIN clause_lot l ON l.structure_id = h.structure_id AND l.id = h.lot_id
    WHERE h.structure_id = p.structure_id AND h.person_id = p.person_id ${onOperation})`.as('hours')
  let q = tx
    .selectFrom('clause_participant as p')
    .innerJoin('person as x', (j) => j.onRef('x.structure_id', '=', 'p.structure_id').onRef('x.id', '=', 'p.person_id'))
    .select(['p.id', 'p.person_id', 'p.criterion', 'p.validated_on', 'p.version'])
    .select(['x.last_name', 'x.first_name', 'x.birth_date'])
    .select(hours)
    .where('p.structure_id', '=', sid)
  if (operationId)
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('clause_hours as h')
            .innerJoin('clause_lot as l', (j) =>
              j.onRef('l.structure_id', '=', 'h.structure_id').onRef('l.id', '=', 'h.lot_id'),
            )
            .whereRef('h.structure_id', '=', 'p.structure_id')
            .whereRef('h.person_id', '=', 'p.person_id')
            .where('l.operation_id', '=', operationId)
            .select('h.id'),
        ),
        eb.exists(
          eb
            .selectFrom('clause_contract as c')
            .innerJoin('clause_lot as l', (j) =>
              j.onRef('l.structure_id', '=', 'c.structure_id').onRef('l.id', '=', 'c.lot_id'),
            )
            .whereRef('c.structure_id', '=', 'p.structure_id')
            .whereRef('c.person_id', '=', 'p.person_id')
            .where('l.operation_id', '=', operationId)
            .select('c.id'),
        ),
      ]),
    )
  const rows = await q.orderBy('x.last_name').orderBy('x.first_name').orderBy('p.id').execute()
  return rows.map((p) => ({
    id: p.id,
    personId: p.person_id,
    lastName: p.last_name,
    firstName: p.first_name,
    birthDate: p.birth_date,
    criterion: p.criterion,
    validatedOn: p.validated_on,
    version: p.version,
    hours: num(p.hours),
  }))
}

export async function contractRows(tx: Tx, sid: string, operationId?: string) {
  let q = tx
    .selectFrom('clause_contract as c')
    .innerJoin('clause_lot as l', (j) =>
      j.onRef('l.structure_id', '=', 'c.structure_id').onRef('l.id', '=', 'c.lot_id'),
    )
    .innerJoin('person as x', (j) => j.onRef('x.structure_id', '=', 'c.structure_id').onRef('x.id', '=', 'c.person_id'))
    .select(['c.id', 'c.lot_id', 'l.label', 'c.person_id', 'x.last_name', 'x.first_name'])
    .select(['c.contract_kind', 'c.starts_on', 'c.duration_months', 'c.version'])
    .where('c.structure_id', '=', sid)
  if (operationId) q = q.where('l.operation_id', '=', operationId)
  const rows = await q.orderBy('c.starts_on').orderBy('c.id').execute()
  return rows.map((c) => ({
    id: c.id,
    lotId: c.lot_id,
    lotLabel: c.label,
    personId: c.person_id,
    lastName: c.last_name,
    firstName: c.first_name,
    contractKind: c.contract_kind,
    startsOn: c.starts_on,
    durationMonths: c.duration_months,
    version: c.version,
  }))
}

/** Hours of the operation by month (yyyy-mm-01). */
export async function monthRows(tx: Tx, sid: string, operationId: string) {
  const rows = await tx
    .selectFrom('clause_hours as h')
    .innerJoin('clause_lot as l', (j) =>
      j.onRef('l.structure_id', '=', 'h.structure_id').onRef('l.id', '=', 'h.lot_id'),
    )
    .select([sql<string>`to_char(h.month, 'YYYY-MM-DD')`.as('month'), sql<string>`sum(h.hours)`.as('hours')])
    .where('h.structure_id', '=', sid)
    .where('l.operation_id', '=', operationId)
    .groupBy('h.month')
    .orderBy('h.month')
    .execute()
  return rows.map((r) => ({ month: r.month, hours: num(r.hours) }))
}

export const countContracts = async (tx: Tx, sid: string) =>
  num(
    (
      await tx
        .selectFrom('clause_contract')
        .select(sql<string>`count(*)`.as('n'))
        .where('structure_id', '=', sid)
        .executeTakeFirstOrThrow()
    ).n,
  )

export const countWorkers = async (tx: Tx, sid: string) =>
  num(
    (
      await tx
        .selectFrom('clause_hours')
        .select(sql<string>`count(DISTINCT person_id)`.as('n'))
        .where('structure_id', '=', sid)
        .executeTakeFirstOrThrow()
    ).n,
  )
