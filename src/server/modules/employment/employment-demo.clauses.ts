import { addMonths, DEFAULT_TIME_ZONE, dayIn } from '../../../shared/dates.ts'
import type { DemoContext } from '../../demo/demo-context.ts'
import { Random } from '../../demo/random.ts'
import type { Tx } from '../../deps.ts'
import type { ClauseCriterion } from './employment.tables.ts'

// The clauses part of the day's demo (docs/employment/clauses.md « Demo »): two operations of the territory with their
// lots awarded to the demo companies (`demo-employer-1`…, employment-demo.employers.ts), twelve participants among the
// demo persons, the hours of the four months before this one (the last month from the companies' statements), and
// some contracts. Deterministic: a seeded generator, the day, the persons' order.

const FACILITATOR = 'entreprises@demo.jalon.fr'

export const DEMO_CLAUSE_OPERATIONS = [
  {
    key: 'demo-clause-op-1',
    name: 'Rénovation urbaine du Jeu de Mail',
    authority: 'Communauté urbaine de Dunkerque',
    contractRef: 'CUD-2026-031',
    site: 'Quartier du Jeu de Mail',
    commune: 'Dunkerque',
    lots: [
      { key: 'demo-clause-lot-1', label: 'Lot 1 — Gros œuvre', employer: 'demo-employer-1', hours: 3000 },
      { key: 'demo-clause-lot-2', label: 'Lot 2 — Menuiseries', employer: 'demo-employer-2', hours: 1200 },
      { key: 'demo-clause-lot-3', label: 'Lot 3 — Espaces verts', employer: 'demo-employer-3', hours: 800 },
    ],
  },
  {
    key: 'demo-clause-op-2',
    name: 'Pôle d’échanges de la gare',
    authority: 'Ville de Dunkerque',
    contractRef: 'VDK-2025-112',
    site: 'Pôle gare',
    commune: 'Dunkerque',
    lots: [
      { key: 'demo-clause-lot-4', label: 'Lot A — Voirie et réseaux', employer: 'demo-employer-4', hours: 2500 },
      { key: 'demo-clause-lot-5', label: 'Lot B — Nettoyage de chantier', employer: 'demo-employer-5', hours: 600 },
    ],
  },
] as const

const CRITERIA: readonly (readonly [ClauseCriterion, number])[] = [
  ['rsa', 3],
  ['youth_below_bac', 4],
  ['long_term_job_seeker', 3],
  ['rqth', 1],
  ['senior', 1],
  ['insertion_pathway', 2],
]

export async function loadClausesDemo(tx: Tx, ctx: DemoContext): Promise<void> {
  const random = new Random(0xc1a05e)
  const sid = ctx.structureId
  const facilitator = ctx.userIds.get(FACILITATOR) ?? null
  const today = dayIn(ctx.now, DEFAULT_TIME_ZONE)
  const thisMonth = `${today.slice(0, 7)}-01`
  const months = [4, 3, 2, 1].map((n) => addMonths(thisMonth, -n))
  const employers = new Map(
    (
      await tx
        .selectFrom('employer')
        .select(['id', 'external_id'])
        .where('structure_id', '=', sid)
        .where('external_id', 'like', 'demo-employer-%')
        .execute()
    ).map((e) => [e.external_id!, e.id]),
  )
  const missing = DEMO_CLAUSE_OPERATIONS.flatMap((o) => o.lots.map((l) => l.employer)).filter((k) => !employers.has(k))
  if (missing.length) throw new Error(`clauses demo: the employers part wrote no ${missing.join(', ')}`)
  const lots: { id: string; key: string; operationId: string; employerId: string }[] = []
  for (const o of DEMO_CLAUSE_OPERATIONS) {
    const op = await tx
      .insertInto('clause_operation')
      .values({
        structure_id: sid,
        id: random.uuid(),
        name: o.name,
        contracting_authority: o.authority,
        contract_ref: o.contractRef,
        site_label: o.site,
        commune_code: '59183',
        commune_name: o.commune,
        starts_on: addMonths(thisMonth, -6),
        ends_on: addMonths(thisMonth, 18),
        status: 'running',
        facilitator_id: facilitator,
        external_id: o.key,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const l of o.lots) {
      const lot = await tx
        .insertInto('clause_lot')
        .values({
          structure_id: sid,
          id: random.uuid(),
          operation_id: op.id,
          label: l.label,
          // the employers part writes demo-employer-1…12 before this loader (employment.demo.ts)
          employer_id: employers.get(l.employer)!,
          required_hours: l.hours,
          external_id: l.key,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      lots.push({ id: lot.id, key: l.key, operationId: op.id, employerId: employers.get(l.employer)! })
    }
  }

  // twelve persons spread over the demo's list, each placed on one lot
  const step = Math.max(1, Math.floor(ctx.personIds.length / 12))
  const people = Array.from({ length: 12 }, (_, i) => ctx.personIds[i * step + 3]).filter((p): p is string => !!p)
  const statements = new Map<string, string>()
  for (const [i, personId] of people.entries()) {
    await tx
      .insertInto('clause_participant')
      .values({
        structure_id: sid,
        id: random.uuid(),
        person_id: personId,
        criterion: random.weighted(CRITERIA),
        validated_on: addMonths(months[0]!, -1),
        validated_by: facilitator,
        external_id: `demo-clause-participant-${i + 1}`,
      })
      .execute()
    const lot = lots[i % lots.length]!
    const from = random.int(0, 2)
    for (const month of months.slice(from)) {
      // the last month came from the company's statement; the earlier ones were keyed in
      let statementId: string | null = null
      if (month === months.at(-1)) {
        statementId = statements.get(lot.key) ?? null
        if (!statementId) {
          statementId = random.uuid()
          await tx
            .insertInto('clause_statement')
            .values({
              structure_id: sid,
              id: statementId,
              operation_id: lot.operationId,
              employer_id: lot.employerId,
              period: month.slice(0, 7),
              file_name: `releve-${lot.key.replace('demo-clause-', '')}-${month.slice(5, 7)}-${month.slice(0, 4)}.csv`,
              imported_at: new Date(`${thisMonth}T09:00:00Z`),
              imported_by: facilitator,
              row_count: people.filter((_, j) => j % lots.length === i % lots.length).length,
            })
            .execute()
          statements.set(lot.key, statementId)
        }
      }
      await tx
        .insertInto('clause_hours')
        .values({
          structure_id: sid,
          id: random.uuid(),
          lot_id: lot.id,
          person_id: personId,
          month,
          hours: random.pick([35, 70, 105.5, 120, 140, 151.67]),
          statement_id: statementId,
          recorded_by: facilitator,
          recorded_at: new Date(`${addMonths(month, 1)}T09:00:00Z`),
          external_id: `demo-clause-hours-${i + 1}-${month.slice(0, 7)}`,
        })
        .execute()
    }
    if (random.chance(0.6))
      await tx
        .insertInto('clause_contract')
        .values({
          structure_id: sid,
          id: random.uuid(),
          lot_id: lot.id,
          person_id: personId,
          contract_kind: random.weighted([
            ['cdd', 4],
            ['professionalisation', 2],
            ['interim', 2],
            ['cdi', 1],
          ] as const),
          starts_on: months[from]!,
          duration_months: random.pick([3, 6, 12]),
          placement_id: null,
          external_id: `demo-clause-contract-${i + 1}`,
        })
        .execute()
  }
}
