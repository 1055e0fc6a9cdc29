import { sql } from 'kysely'
import type { Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, percent, shareColumn, shareFigure } from '../../../reporting/tables.ts'
import { inPeriod, inScope, n, ofStructures, rsaOn } from './common.ts'

// « Les viviers de candidats » (employment.candidate_pools): candidate pools other than the apprenticeship programme's
// (employment.apprenticeship), e.g. the home-care cell.
//
// Output keys (figures): pools, infoSessions, positioned, interviews, joined, joinedShare (% of positioned), employed.
// Tables: byPool (rows: each pool, total; columns infoSessions, positioned, interviews, joined, joinedShare, employed),
//   welfare (sensitive: rows each pool, total; columns positioned, positionedRsa, share, joined, joinedRsa, employed,
//   employedRsa).
// value = employed. Each step counts distinct persons whose step's date is in the period; employed: persons hired
// through the pool (a placement of the pool starting in the period). RSA: a status period open on the day the person
// was positioned in the pool.

interface PoolRow {
  id: string
  name: string
  sessions: number
  positioned: number
  positionedRsa: number
  interviews: number
  joined: number
  joinedRsa: number
  employed: number
  employedRsa: number
}

export const employmentCandidatePools: IndicatorDeclaration = {
  id: 'employment.candidate_pools',
  family: 'employment',
  label: 'Les viviers de candidats',
  valueLabel: 'Personnes ayant accédé à l’emploi par un vivier dans la période',
  definition:
    'Viviers de candidats (par exemple la cellule emploi des services à la personne), hors programme apprentissage : ' +
    'réunions d’information collective, personnes positionnées (dont allocataires du RSA), entretiens individuels, ' +
    'personnes intégrées au vivier et leur part, personnes ayant accédé à l’emploi par le vivier (dont allocataires ' +
    'du RSA).',
  population: 'Membres des viviers de la structure autres que ceux de type apprentissage, dans le périmètre demandé.',
  breakdowns: ['vivier'],
  notes: [
    'Chaque étape compte les personnes distinctes dont la date de l’étape (positionnement, entretien, intégration) ' +
      'tombe dans la période ; accès à l’emploi : une embauche par le vivier débutant dans la période.',
    'Allocataire du RSA : une période de statut RSA ouverte le jour du positionnement dans le vivier (tableau ' +
      'sensible).',
    'Les réunions d’information comptent pour toute la structure, quel que soit le périmètre.',
  ],
  async compute(ctx) {
    const { rows } = await sql<PoolRow>`
      with p as (
        select cp.id, cp.structure_id, cp.name from candidate_pool cp
        where cp.kind <> 'apprenticeship' and ${ofStructures(ctx, 'cp.structure_id')}),
      m as (
        select pm.pool_id, pm.person_id, pm.positioned_on, pm.interviewed_on, pm.joined_on,
          ${rsaOn('pm.person_id', 'pm.positioned_on')} as rsa
        from pool_member pm where pm.pool_id in (select id from p) and ${inScope(ctx, 'pm.person_id')}),
      hires as (
        select distinct pl.pool_id, pl.person_id from placement pl
        where pl.pool_id in (select id from p) and ${inPeriod(ctx, 'pl.start_date')}
          and ${inScope(ctx, 'pl.person_id')})
      select p.id, p.name,
        (select count(*) from pool_info_session s join structure st on st.id = s.structure_id
          where s.pool_id = p.id and ${inPeriod(ctx, sql`(s.at at time zone st.time_zone)::date`)})::int
          as sessions,
        (select count(distinct person_id) from m where m.pool_id = p.id and ${inPeriod(ctx, 'm.positioned_on')})::int
          as positioned,
        (select count(distinct person_id) from m where m.pool_id = p.id and ${inPeriod(ctx, 'm.positioned_on')}
          and m.rsa)::int as "positionedRsa",
        (select count(distinct person_id) from m where m.pool_id = p.id and ${inPeriod(ctx, 'm.interviewed_on')})::int
          as interviews,
        (select count(distinct person_id) from m where m.pool_id = p.id and ${inPeriod(ctx, 'm.joined_on')})::int
          as joined,
        (select count(distinct person_id) from m where m.pool_id = p.id and ${inPeriod(ctx, 'm.joined_on')}
          and m.rsa)::int as "joinedRsa",
        (select count(*) from hires h where h.pool_id = p.id)::int as employed,
        (select count(*) from hires h where h.pool_id = p.id and exists (select 1 from m where m.pool_id = h.pool_id
          and m.person_id = h.person_id and m.rsa))::int as "employedRsa"
      from p order by p.name, p.id`.execute(ctx.q)
    const sum = (k: keyof PoolRow) => rows.reduce((a, r) => a + n(r[k]), 0)
    const active = rows.filter((r) => n(r.positioned) + n(r.employed) + n(r.sessions) > 0)
    const main = (r: Pick<PoolRow, 'sessions' | 'positioned' | 'interviews' | 'joined' | 'employed'>) => [
      n(r.sessions),
      n(r.positioned),
      n(r.interviews),
      n(r.joined),
      percent(n(r.joined), n(r.positioned)),
      n(r.employed),
    ]
    const welfare = (
      r: Pick<PoolRow, 'positioned' | 'positionedRsa' | 'joined' | 'joinedRsa' | 'employed' | 'employedRsa'>,
    ) => [
      n(r.positioned),
      n(r.positionedRsa),
      percent(n(r.positionedRsa), n(r.positioned)),
      n(r.joined),
      n(r.joinedRsa),
      n(r.employed),
      n(r.employedRsa),
    ]
    const t = {
      sessions: sum('sessions'),
      positioned: sum('positioned'),
      positionedRsa: sum('positionedRsa'),
      interviews: sum('interviews'),
      joined: sum('joined'),
      joinedRsa: sum('joinedRsa'),
      employed: sum('employed'),
      employedRsa: sum('employedRsa'),
    }
    const lines = (f: (r: PoolRow) => (number | null)[], total: (number | null)[]): Row[] => [
      ...active.map((r) => ({ key: r.id, label: r.name, values: f(r) })),
      { key: 'total', label: 'Total', values: total, total: true },
    ]
    return {
      value: t.employed,
      figures: [
        countFigure('pools', 'Viviers actifs', active.length),
        countFigure('infoSessions', 'Réunions d’information collective', t.sessions),
        countFigure('positioned', 'Personnes positionnées', t.positioned),
        countFigure('interviews', 'Entretiens individuels', t.interviews),
        countFigure('joined', 'Personnes intégrées au vivier', t.joined),
        shareFigure('joinedShare', 'Part des positionnés intégrés (%)', t.joined, t.positioned),
        countFigure('employed', 'Personnes ayant accédé à l’emploi', t.employed),
      ],
      tables: [
        {
          key: 'byPool',
          title: 'Les viviers : mobilisation du public et accès à l’emploi',
          rowHeader: 'Vivier',
          columns: [
            countColumn('infoSessions', 'Réunions d’information'),
            // a person in two pools counts in each
            countColumn('positioned', 'Positionnées', { additive: false }),
            countColumn('interviews', 'Entretiens', { additive: false }),
            countColumn('joined', 'Intégrées', { additive: false }),
            shareColumn('joinedShare', '% d’intégration', 'positioned'),
            countColumn('employed', 'En emploi', { additive: false }),
          ],
          rows: lines(main, main(t)),
        },
        {
          key: 'welfare',
          title: 'Allocataires du RSA dans les viviers',
          rowHeader: 'Vivier',
          columns: [
            countColumn('positioned', 'Positionnées', { additive: false }),
            countColumn('positionedRsa', 'dont RSA', { additive: false }),
            shareColumn('positionedRsaShare', '% RSA', 'positioned'),
            countColumn('joined', 'Intégrées', { additive: false }),
            countColumn('joinedRsa', 'dont RSA', { additive: false }),
            countColumn('employed', 'En emploi', { additive: false }),
            countColumn('employedRsa', 'dont RSA', { additive: false }),
          ],
          rows: lines(welfare, welfare(t)),
          note: 'Allocataire du RSA le jour de son positionnement dans le vivier.',
          sensitive: true,
        },
      ],
    }
  },
}
