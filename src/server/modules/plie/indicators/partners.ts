import { sql } from 'kysely'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, percent, shareColumn, shareFigure } from '../../../reporting/tables.ts'
import { contractExitReasons, exitedIn, pathwayRows, reasonIn } from './pathways.ts'

// Positive exits to contracts over 6 months credited to an employer-relations partner ("Sorties positives
// bénéficiaires emploi"): the partner is plie_pathway.partner_id, recorded with the exit.

export const plieExitsByPartner: IndicatorDeclaration = {
  id: 'plie.positive_exits.by_partner',
  family: 'plie',
  label: 'Sorties en emploi durable par partenaire des relations entreprises',
  valueLabel: 'Sorties créditées à un partenaire',
  definition:
    'Sorties positives de la période en contrat de droit commun de plus de 6 mois (CDI, CDD de plus de 6 mois, ' +
    'alternance, intérim d’au moins 1215 h) créditées à une structure partenaire des relations entreprises, par ' +
    'partenaire ; part de ces sorties parmi toutes les sorties en contrat de plus de 6 mois.',
  population:
    'Parcours PLIE (programme de nature PLIE) sortis dans la période pour un contrat de plus de 6 mois, des personnes ' +
    'du périmètre demandé.',
  breakdowns: ['partenaire'],
  notes: [
    'Le partenaire est celui que la sortie crédite (enregistré avec la sortie du parcours) ; une sortie sans ' +
      'partenaire compte dans le total des contrats de plus de 6 mois, pas dans le tableau.',
    'Le tableau liste les partenaires des relations entreprises de la structure, même sans sortie, et toute autre ' +
      'structure créditée d’au moins une sortie.',
  ],
  async compute(ctx) {
    const { rows } = await sql<{ partner_id: string | null; n: number }>`
      select f.partner_id, count(*) as n
      from (${pathwayRows(ctx)}) as f
      where ${exitedIn(ctx.period)} and ${reasonIn(contractExitReasons)}
      group by f.partner_id`.execute(ctx.q)
    const byPartner = new Map(rows.map((r) => [r.partner_id, Number(r.n)]))
    const credited = rows.filter((r) => r.partner_id !== null).reduce((s, r) => s + Number(r.n), 0)
    const contracts = rows.reduce((s, r) => s + Number(r.n), 0)
    const creditedIds = rows.flatMap((r) => (r.partner_id ? [r.partner_id] : []))
    const partners = await ctx.q
      .selectFrom('plie_organisation')
      .select(['id', 'name'])
      .where('structure_id', 'in', ctx.structureIds)
      .where((eb) =>
        eb.or([
          eb.and([eb('kind', '=', 'employer_relations'), eb('active', '=', true)]),
          ...(creditedIds.length ? [eb('id', 'in', creditedIds)] : []),
        ]),
      )
      .orderBy('name')
      .execute()
    return {
      value: credited,
      figures: [
        countFigure('credited', 'Sorties créditées à un partenaire', credited),
        countFigure('contracts', 'Sorties en contrat de plus de 6 mois', contracts),
        shareFigure('creditedShare', 'Part des sorties en contrat de plus de 6 mois', credited, contracts),
      ],
      tables: [
        {
          key: 'byPartner',
          title: 'Sorties en emploi durable par partenaire',
          rowHeader: 'Partenaire',
          columns: [countColumn('count', 'Sorties'), shareColumn('share', '%', 'count')],
          rows: [
            ...partners.map((p) => {
              const n = byPartner.get(p.id) ?? 0
              return { key: p.id, label: p.name, values: [n, percent(n, credited)] }
            }),
            { key: 'total', label: 'Total', values: [credited, credited ? 100 : null], total: true },
          ],
        },
      ],
    }
  },
}
