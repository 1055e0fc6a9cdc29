import { sql } from 'kysely'
import { projectNatures, projectSectors } from '../../../../shared/aids/aids.nomenclature.ts'
import type { Column, ResultTable, Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { scopedPersons } from '../../../reporting/sql.ts'
import { countColumn, countFigure, decimalsFor, valueFigure } from '../../../reporting/tables.ts'

// « Projets de jeunes et vacances » (aid.projects): the youth projects (CLAP: funds of kind 'project') accompanied and
// funded in the period, by nature and an economic project's sector, their young people, amounts and jobs; the holiday
// projects (funds of kind 'holiday'): projects funded, young people, amount.

const amountColumn = (key: string, label: string): Column => ({
  key,
  label,
  kind: 'amount',
  decimals: decimalsFor('amount'),
})
const euros = (cents: number) => Math.round(cents) / 100

interface ProjectRow {
  id: string
  code: string
  name: string
  kind: string
  nature: string
  sector: string | null
  funded: boolean
  cents: number
  jobs: number
}

/** the projects whose day (decision, else presentation, else opening) falls in the period, and their holders */
async function projectData(ctx: IndicatorContext) {
  const { from, to } = ctx.period
  const s = ctx.scope
  const day = sql`coalesce(p.decided_on, p.presented_on, p.created_at::date)`
  let qb = ctx.q
    .selectFrom('aid_project as p')
    .innerJoin('aid_fund as f', (j) => j.onRef('f.id', '=', 'p.fund_id').onRef('f.structure_id', '=', 'p.structure_id'))
    .where('p.structure_id', 'in', ctx.structureIds)
    .where('f.kind', 'in', ['project', 'holiday'])
    .where(sql<boolean>`${day} between ${from}::date and ${to}::date`)
  if (s.siteIds) qb = s.siteIds.length ? qb.where('p.site_id', 'in', s.siteIds) : qb.where(sql<boolean>`false`)
  if (s.counsellorId) qb = qb.where('p.followed_by', '=', s.counsellorId)
  if (s.communeCode || s.sex || s.programmeId) {
    const persons = scopedPersons({
      ...ctx,
      scope: { communeCode: s.communeCode, sex: s.sex, programmeId: s.programmeId },
    })
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('aid_project_holder as h')
          .select(sql.lit(1).as('one'))
          .whereRef('h.project_id', '=', 'p.id')
          .whereRef('h.structure_id', '=', 'p.structure_id')
          .where('h.person_id', 'in', persons.select('person.id')),
      ),
    )
  }
  const rows = await qb
    .select([
      'p.id',
      'f.code',
      'f.name',
      'f.kind',
      'p.nature',
      'p.sector',
      sql<boolean>`p.decision = 'funded' and p.decided_on between ${from}::date and ${to}::date`.as('funded'),
      sql<number>`coalesce(p.granted_cents, 0)`.as('cents'),
      sql<number>`coalesce(p.jobs_created, 0)`.as('jobs'),
    ])
    .execute()
  const projects: ProjectRow[] = rows.map((r) => ({
    ...r,
    funded: !!r.funded,
    cents: Number(r.cents),
    jobs: Number(r.jobs),
  }))
  const funded = projects.filter((p) => p.funded).map((p) => p.id)
  const holders = funded.length
    ? await ctx.q
        .selectFrom('aid_project_holder')
        .select(['project_id', 'person_id'])
        .where('structure_id', 'in', ctx.structureIds)
        .where('project_id', 'in', funded)
        .execute()
    : []
  return { projects, holders }
}

const sumOf = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0)

export const aidProjects: IndicatorDeclaration = {
  id: 'aid.projects',
  family: 'aid',
  label: 'Projets de jeunes (CLAP) et vacances',
  valueLabel: 'Projets de jeunes accompagnés dans la période',
  definition:
    'Projets de jeunes présentés au comité local d’aide aux projets (fonds de type « Projets de jeunes ») : ' +
    'accompagnés dans la période, financés, par nature (économiques par secteur, sociaux, culturels, sportifs), ' +
    'jeunes porteurs des projets financés, montant accordé, emplois créés ; projets de vacances (fonds de type ' +
    '« Aides aux vacances ») financés, jeunes concernés et montant.',
  population:
    'Projets des fonds de la structure dont la date (décision, à défaut présentation au comité, à défaut ouverture) ' +
    'tombe dans la période ; financés : décision « financé » datée de la période.',
  breakdowns: ['nature', 'secteur'],
  notes: [
    'Jeunes soutenus : porteurs distincts des projets financés (un jeune porteur de deux projets compte une fois).',
    'Restreint à un site : le site du projet ; à un conseiller : celui qui le suit ; à une commune, un sexe ou un ' +
      'programme : les projets dont au moins un porteur en relève.',
  ],
  async compute(ctx) {
    const { projects, holders } = await projectData(ctx)
    const youthOf = (ids: Set<string>) =>
      new Set(holders.filter((h) => ids.has(h.project_id)).map((h) => h.person_id)).size
    const clap = projects.filter((p) => p.kind === 'project')
    const line = (key: string, label: string, list: ProjectRow[], extra: Partial<Row> = {}): Row => {
      const funded = list.filter((p) => p.funded)
      return {
        key,
        label,
        values: [
          list.length,
          funded.length,
          youthOf(new Set(funded.map((p) => p.id))),
          euros(sumOf(funded, (p) => p.cents)),
          sumOf(funded, (p) => p.jobs),
        ],
        ...extra,
      }
    }
    const rows: Row[] = []
    for (const nature of projectNatures.codes) {
      if (nature === 'holiday') continue
      const mine = clap.filter((p) => p.nature === nature)
      rows.push(line(nature, projectNatures.labels[nature], mine))
      if (nature !== 'economic') continue
      const sectors = [...projectSectors.codes, ...(mine.some((p) => !p.sector) ? ['unknown'] : [])]
      for (const sector of sectors) {
        const inSector = mine.filter((p) => (p.sector ?? 'unknown') === sector)
        if (!inSector.length) continue
        const label = (projectSectors.labels as Record<string, string>)[sector] ?? 'Secteur non renseigné'
        rows.push(line(`economic.${sector}`, label, inSector, { parent: 'economic' }))
      }
    }
    const other = clap.filter((p) => p.nature === 'holiday')
    if (other.length) rows.push(line('holiday', projectNatures.labels.holiday, other))
    rows.push(line('total', 'Total', clap, { total: true }))
    const byNature: ResultTable = {
      key: 'byNature',
      title: 'Projets de jeunes par nature',
      rowHeader: 'Nature du projet',
      columns: [
        countColumn('accompanied', 'Accompagnés'),
        countColumn('funded', 'Financés'),
        countColumn('youth', 'Jeunes soutenus', { additive: false }),
        amountColumn('amount', 'Montant accordé'),
        countColumn('jobs', 'Emplois créés'),
      ],
      rows,
      note: 'Jeunes soutenus, montant et emplois : ceux des projets financés.',
    }
    const holiday = projects.filter((p) => p.kind === 'holiday')
    const codes = [...new Set(holiday.map((p) => p.code))].sort()
    const holidayLine = (key: string, label: string, list: ProjectRow[], extra: Partial<Row> = {}): Row => {
      const funded = list.filter((p) => p.funded)
      const youth = youthOf(new Set(funded.map((p) => p.id)))
      const cents = sumOf(funded, (p) => p.cents)
      return { key, label, values: [funded.length, youth, euros(cents), youth ? euros(cents / youth) : null], ...extra }
    }
    const holidays: ResultTable = {
      key: 'holidays',
      title: 'Projets de vacances financés',
      rowHeader: 'Fonds',
      columns: [
        countColumn('projects', 'Projets financés'),
        countColumn('youth', 'Jeunes', { additive: false }),
        amountColumn('amount', 'Montant accordé'),
        amountColumn('perYouth', 'Aide moyenne par jeune'),
      ],
      rows: [
        ...codes.map((c) =>
          holidayLine(
            c,
            holiday.find((p) => p.code === c)?.name ?? c,
            holiday.filter((p) => p.code === c),
          ),
        ),
        holidayLine('total', 'Total', holiday, { total: true }),
      ],
    }
    const fundedClap = clap.filter((p) => p.funded)
    const fundedHoliday = holiday.filter((p) => p.funded)
    return {
      value: clap.length,
      figures: [
        countFigure('accompanied', 'Projets de jeunes accompagnés', clap.length),
        countFigure('funded', 'Projets de jeunes financés', fundedClap.length),
        countFigure('economic', 'dont projets économiques', fundedClap.filter((p) => p.nature === 'economic').length),
        countFigure(
          'nonEconomic',
          'dont projets sociaux, culturels ou sportifs',
          fundedClap.filter((p) => p.nature !== 'economic').length,
        ),
        countFigure('youth', 'Jeunes soutenus', youthOf(new Set(fundedClap.map((p) => p.id)))),
        valueFigure('amount', 'Montant accordé aux projets', 'amount', euros(sumOf(fundedClap, (p) => p.cents))),
        countFigure(
          'jobs',
          'Emplois créés',
          sumOf(fundedClap, (p) => p.jobs),
        ),
        countFigure('holidayProjects', 'Projets de vacances financés', fundedHoliday.length),
        countFigure('holidayYouth', 'Jeunes partis en vacances', youthOf(new Set(fundedHoliday.map((p) => p.id)))),
        valueFigure(
          'holidayAmount',
          'Montant des aides aux vacances',
          'amount',
          euros(sumOf(fundedHoliday, (p) => p.cents)),
        ),
      ],
      tables: [byNature, holidays],
    }
  },
}
