import { type RawBuilder, sql } from 'kysely'
import type { IndicatorContext, IndicatorDeclaration } from '../../../reporting/indicator.ts'
import { ageOn, mlPersons } from '../../../reporting/sql.ts'
import { countFigure, shareFigure } from '../../../reporting/tables.ts'
import { factsYear, programmeYears } from './facts.ts'

const between18And21 = (age: RawBuilder<number>) => sql<boolean>`${age} between 18 and 21`

/** The period's CIVIS entries and exits of its Mission Locale population, from the raw rows. */
function civisRows(ctx: IndicatorContext) {
  const { from, to } = ctx.period
  const inPeriod = (col: string) => sql<boolean>`${sql.ref(col)} between ${from}::date and ${to}::date`
  return ctx.q
    .selectFrom('enrolment as en')
    .innerJoin('programme as pg', 'pg.id', 'en.programme_id')
    .innerJoin('person as p', 'p.id', 'en.person_id')
    .where('pg.type', '=', 'civis')
    .where('en.structure_id', 'in', ctx.structureIds)
    .where('en.person_id', 'in', mlPersons(ctx).select('person.id'))
    .select([
      sql<number>`count(*) filter (where ${inPeriod('en.entry_date')})`.as('entries'),
      sql<number>`count(*) filter (where ${inPeriod('en.entry_date')} and p.sex = 'F')`.as('women'),
      sql<number>`count(*) filter (where ${inPeriod('en.entry_date')} and en.reinforced)`.as('reinforced'),
      sql<number>`count(*) filter (where ${inPeriod('en.entry_date')} and ${between18And21(ageOn('p.birth_date', sql.ref('en.entry_date')))})`.as(
        'aged18to21',
      ),
      sql<number>`count(*) filter (where ${inPeriod('en.exit_date')})`.as('exits'),
    ])
    .executeTakeFirstOrThrow()
}

/** The same counts from the year's facts (entries and exits dated in the year, the age on the entry day). */
function civisFacts(ctx: IndicatorContext, year: number) {
  const entry = sql<boolean>`f.movement = 'entry'`
  return programmeYears(ctx, year)
    .where('f.programme_type', '=', 'civis')
    .select([
      sql<number>`coalesce(sum(f.n) filter (where ${entry}), 0)`.as('entries'),
      sql<number>`coalesce(sum(f.n) filter (where ${entry} and f.sex = 'F'), 0)`.as('women'),
      sql<number>`coalesce(sum(f.n) filter (where ${entry} and f.reinforced), 0)`.as('reinforced'),
      sql<number>`coalesce(sum(f.n) filter (where ${entry} and ${between18And21(sql.ref('f.age'))}), 0)`.as(
        'aged18to21',
      ),
      sql<number>`coalesce(sum(f.n) filter (where f.movement = 'exit'), 0)`.as('exits'),
    ])
    .executeTakeFirstOrThrow()
}

export const civis: IndicatorDeclaration = {
  id: 'ml.civis',
  family: 'ml',
  label: 'Le programme CIVIS',
  definition:
    'Inscriptions au programme CIVIS (aujourd’hui CEJ) des jeunes suivis par la Mission Locale : entrées (date ' +
    'd’entrée dans la période), dont femmes, part en CIVIS renforcé, part des jeunes âgés de 18 à 21 ans à l’entrée ; ' +
    'sorties (date de sortie dans la période).',
  population:
    'Inscriptions à un programme de nature CIVIS (quel que soit son code) des personnes ayant une inscription à un ' +
    'programme de nature Mission Locale ouverte pendant la période, dans le périmètre demandé.',
  breakdowns: ['sexe', 'renforcé', 'âge à l’entrée'],
  notes: [
    'Les entrées et les sorties comptent des inscriptions : un jeune entré deux fois compte deux fois.',
    'Sorties : seul le nombre d’inscriptions dont la date de sortie tombe dans la période est calculé (ni motif de ' +
      'sortie ni part des sorties vers l’emploi).',
  ],
  objectiveKeys: [{ key: 'entries', label: 'Entrées en CIVIS' }],
  async compute(ctx) {
    const year = await factsYear(ctx)
    const row = year === undefined ? await civisRows(ctx) : await civisFacts(ctx, year)
    const n = (v: unknown) => Number(v ?? 0)
    const entries = n(row.entries)
    return {
      value: entries,
      tables: [],
      figures: [
        countFigure('entries', 'Entrées en CIVIS', entries),
        countFigure('women', 'Femmes parmi les entrées', n(row.women)),
        shareFigure('womenShare', 'Part des femmes parmi les entrées', n(row.women), entries),
        shareFigure('reinforcedShareOfEntries', 'Part des entrées en CIVIS renforcé', n(row.reinforced), entries),
        shareFigure('entriesAged18to21', 'Part des entrées âgées de 18 à 21 ans', n(row.aged18to21), entries),
        countFigure('exits', 'Sorties du CIVIS', n(row.exits)),
      ],
    }
  },
}
