import { sql } from 'kysely'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { countColumn, countFigure, percent, shareColumn, shareFigure } from '../../../reporting/tables.ts'
import { civisDuring, durableContract, inPeriod, inScope, n, ofStructures, priorityArea } from './common.ts'

// « Les développeurs de l'apprentissage » (employment.apprenticeship): the candidate pools of kind apprenticeship.
//
// Output keys (figures): informed, interviewed, joined, joinedShare (% of informed), joinedCivis, civisShare (% of
//   joined), joinedPriorityArea, priorityAreaShare (% of joined), immersions, immersionYouth, workStudyContracts,
//   apprenticeshipsAfterImmersion (persons), apprenticeshipAfterImmersionShare (% of immersionYouth), durableJobs
//   (persons), durableApprenticeships (persons), apprenticeshipShareOfJobs (% of durableJobs).
// Tables: funnel (rows informed, interviewed, joined, durableJobs; columns persons, share of informed).
// value = joined. Each step counts distinct persons whose step's date (positioned, interviewed, joined) is in the
// period; immersions: the pools' immersions starting in the period; jobs: the pools' placements starting in the period.

export const employmentApprenticeship: IndicatorDeclaration = {
  id: 'employment.apprenticeship',
  family: 'employment',
  label: 'Le programme de développement de l’apprentissage',
  valueLabel: 'Jeunes ayant intégré le programme dans la période',
  definition:
    'Viviers de type apprentissage : jeunes sensibilisés (positionnés), reçus en entretien individuel, ayant intégré ' +
    'le programme (dont en CIVIS, dont résidant en quartier prioritaire), immersions en entreprise et contrats en ' +
    'alternance signés à leur issue, jeunes ayant obtenu un emploi durable par le programme (dont en apprentissage).',
  population: 'Membres des viviers « apprentissage » de la structure, dans le périmètre demandé.',
  breakdowns: ['étape du parcours'],
  notes: [
    'Chaque étape compte les personnes distinctes dont la date de l’étape (positionnement, entretien, intégration) ' +
      'tombe dans la période.',
    'CIVIS : une inscription à un programme CIVIS ouverte pendant la période ; quartier prioritaire : ZUS ou QPV ' +
      'renseigné dans le dossier. Ces deux parts sont calculées sur les jeunes ayant intégré le programme.',
    'Contrats en alternance après immersion : embauches (apprentissage ou professionnalisation) liées à une immersion ' +
      'du vivier débutée dans la période. La part « apprentissage après immersion » rapporte les jeunes signant un ' +
      'contrat d’apprentissage à l’issue d’une immersion aux jeunes ayant fait une immersion.',
    'Emploi durable : une embauche par le vivier débutant dans la période en CDI, en contrat de 6 mois ou plus, ou en ' +
      'alternance ; une personne compte une fois (en apprentissage si l’une de ses embauches l’est).',
  ],
  async compute(ctx) {
    const pools = sql`select cp.id, cp.structure_id from candidate_pool cp
      where cp.kind = 'apprenticeship' and ${ofStructures(ctx, 'cp.structure_id')}`
    const m = await sql<Record<string, number>>`
      with p as (${pools})
      select
        count(distinct pm.person_id) filter (where ${inPeriod(ctx, 'pm.positioned_on')})::int as informed,
        count(distinct pm.person_id) filter (where ${inPeriod(ctx, 'pm.interviewed_on')})::int as interviewed,
        count(distinct pm.person_id) filter (where ${inPeriod(ctx, 'pm.joined_on')})::int as joined,
        count(distinct pm.person_id) filter (where ${inPeriod(ctx, 'pm.joined_on')}
          and ${civisDuring(ctx, 'pm.person_id')})::int as civis,
        count(distinct pm.person_id) filter (where ${inPeriod(ctx, 'pm.joined_on')}
          and ${priorityArea('pm.person_id')})::int as zus
      from pool_member pm join p on p.id = pm.pool_id and p.structure_id = pm.structure_id
      where ${inScope(ctx, 'pm.person_id')}`.execute(ctx.q)
    const im = await sql<Record<string, number>>`
      with p as (${pools})
      select count(*)::int as immersions, count(distinct i.person_id)::int as youth,
        count(distinct pl.id) filter (where pl.contract_kind in ('apprenticeship', 'professionalisation'))::int as ws,
        count(distinct i.person_id) filter (where pl.contract_kind = 'apprenticeship')::int as appr
      from immersion i join p on p.id = i.pool_id and p.structure_id = i.structure_id
      left join placement pl on pl.id = i.placement_id and pl.structure_id = i.structure_id
      where i.status <> 'cancelled' and ${inPeriod(ctx, 'i.starts_on')} and ${inScope(ctx, 'i.person_id')}`.execute(
      ctx.q,
    )
    const jobs = await sql<Record<string, number>>`
      with p as (${pools})
      select count(distinct pl.person_id)::int as durable,
        count(distinct pl.person_id) filter (where pl.contract_kind = 'apprenticeship')::int as appr
      from placement pl join p on p.id = pl.pool_id and p.structure_id = pl.structure_id
      where ${durableContract('pl')} and ${inPeriod(ctx, 'pl.start_date')}
        and ${inScope(ctx, 'pl.person_id')}`.execute(ctx.q)
    const a = m.rows[0]
    const i = im.rows[0]
    const j = jobs.rows[0]
    const informed = n(a.informed)
    const funnel = [
      ['informed', 'Jeunes sensibilisés', informed],
      ['interviewed', 'Reçus en entretien individuel', n(a.interviewed)],
      ['joined', 'Ayant intégré le programme', n(a.joined)],
      ['durableJobs', 'Ayant obtenu un emploi durable', n(j.durable)],
    ] as const
    return {
      value: n(a.joined),
      figures: [
        countFigure('informed', 'Jeunes sensibilisés', informed),
        countFigure('interviewed', 'Jeunes reçus en entretien individuel', n(a.interviewed)),
        countFigure('joined', 'Jeunes ayant intégré le programme', n(a.joined)),
        shareFigure(
          'joinedShare',
          'Part des jeunes sensibilisés ayant intégré le programme (%)',
          n(a.joined),
          informed,
        ),
        countFigure('joinedCivis', 'dont jeunes en CIVIS', n(a.civis)),
        shareFigure('civisShare', 'Part des jeunes du programme en CIVIS (%)', n(a.civis), n(a.joined)),
        countFigure('joinedPriorityArea', 'dont jeunes résidant en quartier prioritaire', n(a.zus)),
        shareFigure(
          'priorityAreaShare',
          'Part des jeunes du programme en quartier prioritaire (%)',
          n(a.zus),
          n(a.joined),
        ),
        countFigure('immersions', 'Immersions en entreprise', n(i.immersions)),
        countFigure('immersionYouth', 'Jeunes ayant fait une immersion', n(i.youth)),
        countFigure('workStudyContracts', 'Contrats en alternance signés à l’issue d’une immersion', n(i.ws)),
        countFigure(
          'apprenticeshipsAfterImmersion',
          'Jeunes en contrat d’apprentissage après leur immersion',
          n(i.appr),
        ),
        shareFigure(
          'apprenticeshipAfterImmersionShare',
          'Part des jeunes ayant signé un contrat d’apprentissage à l’issue de leur immersion (%)',
          n(i.appr),
          n(i.youth),
        ),
        countFigure('durableJobs', 'Jeunes ayant obtenu un emploi durable', n(j.durable)),
        countFigure('durableApprenticeships', 'dont en contrat d’apprentissage', n(j.appr)),
        shareFigure(
          'apprenticeshipShareOfJobs',
          'Part de l’apprentissage dans ces emplois (%)',
          n(j.appr),
          n(j.durable),
        ),
      ],
      tables: [
        {
          key: 'funnel',
          title: 'Le parcours des jeunes dans le programme',
          rowHeader: 'Étape',
          columns: [
            countColumn('persons', 'Jeunes', { additive: false }),
            shareColumn('share', '% des jeunes sensibilisés', 'persons'),
          ],
          rows: funnel.map(([key, label, v]) => ({ key, label, values: [v, percent(v, informed)] })),
        },
      ],
    }
  },
}
