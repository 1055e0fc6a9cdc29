import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { IndicatorContext } from '../../../reporting/indicator.ts'
import { scopedPersons } from '../../../reporting/sql.ts'
import { enrolmentOpenDuring } from '../../accompaniment/index.ts'

// What the employment indicators share: the structures' rows, the scope's persons, the period, the CIVIS, priority
// area and RSA tests on a person, and the « six months or more » of a contract.

/** `col` is one of the structures (a structure's own rows, or every structure of a network's report) */
export const ofStructures = (ctx: IndicatorContext, col: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`${sql.ref(col)} in (${sql.join([...ctx.structureIds])})`

const hasPersonScope = (ctx: IndicatorContext) => Object.values(ctx.scope).some((v) => v !== undefined)

/** the person `col` is in the requested scope (site, commune, counsellor, sex, programme); true without a scope */
export const inScope = (ctx: IndicatorContext, col: string): RawBuilder<SqlBool> =>
  hasPersonScope(ctx)
    ? sql<SqlBool>`${sql.ref(col)} in (${scopedPersons(ctx).select('person.id')})`
    : sql<SqlBool>`true`

/** the date `col` falls in the period */
export const inPeriod = (ctx: IndicatorContext, col: string | RawBuilder<unknown>): RawBuilder<SqlBool> =>
  sql<SqlBool>`${typeof col === 'string' ? sql.ref(col) : col} between ${ctx.period.from}::date and ${ctx.period.to}::date`

/** the person `col` has an enrolment in a CIVIS programme open during the period (the accompaniment's definition) */
export const civisDuring = (ctx: IndicatorContext, col: string): RawBuilder<SqlBool> => sql<SqlBool>`exists (
  select 1 from enrolment cv join programme cvp on cvp.id = cv.programme_id
  where cv.person_id = ${sql.ref(col)} and cvp.type = 'civis'
    and ${enrolmentOpenDuring('cv', ctx.period.from, ctx.period.to)})`

/** the person `col` lives in a priority area (ZUS, QPV) */
export const priorityArea = (col: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`exists (select 1 from person pa where pa.id = ${sql.ref(col)} and pa.priority_area is not null)`

/** the person `personCol` has an RSA status period open on the day `dayCol` */
export const rsaOn = (personCol: string, dayCol: string): RawBuilder<SqlBool> => sql<SqlBool>`exists (
  select 1 from status_period sp where sp.person_id = ${sql.ref(personCol)} and sp.status = 'rsa'
    and sp.start_date <= ${sql.ref(dayCol)} and (sp.end_date is null or sp.end_date >= ${sql.ref(dayCol)}))`

/** a contract of six months or more, or open-ended (CDI): the report's « plus de 6 mois » */
export const longContract = (alias: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.ref(`${alias}.contract_kind`)} = 'cdi' or ${sql.ref(`${alias}.duration_months`)} >= 6)`

/** a durable job: a long contract, or a work-study contract (apprenticeship, professionalisation) */
export const durableContract = (alias: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${longContract(alias)} or ${sql.ref(`${alias}.contract_kind`)} in ('apprenticeship', 'professionalisation'))`

export const n = (v: unknown) => Number(v ?? 0)
