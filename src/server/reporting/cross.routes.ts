import type { FastifyInstance } from 'fastify'
import { can } from '../../shared/auth/roles.ts'
import { dayIn } from '../../shared/dates.ts'
import { personSearchPageSchema } from '../../shared/persons/person.schema.ts'
import {
  crossCatalogueSchema,
  crossParams,
  crossPersonsExportQuery,
  crossPersonsQuery,
  crossQuery,
  crossResultSchema,
} from '../../shared/reporting/cross.schema.ts'
import type { Actor, Deps, Tx } from '../deps.ts'
import { sendList } from '../http/list-export.ts'
import { defineRoute } from '../http/route.ts'
import { personListColumns } from '../modules/persons/person-list.export.ts'
import { exportPersons, searchPersons } from '../modules/persons/search.repository.ts'
import { allIndicators, getIndicator } from './catalogue.ts'
import { cellCondition, crossIndicator } from './cross.ts'
import { readForReport } from './report-db.ts'
import { reportingPolicy, scopeFor } from './reporting.policy.ts'

const tags = ['Indicateurs et rapport annuel']

interface CellQuery {
  from: string
  to: string
  siteId?: string | undefined
  programmeId?: string | undefined
  counsellorId?: string | undefined
  rows: string
  columns: string
  row?: string | undefined
  column?: string | undefined
  programmeFilter?: string | undefined
  ageOutBefore?: string | undefined
  cejEndBefore?: string | undefined
}

/** The persons behind a cell, as the person search's filters: its condition, and the lists' own filters. */
function cellFilter(tx: Tx, actor: Actor, id: string, q: CellQuery) {
  const decl = getIndicator(id)
  const within = cellCondition(
    tx,
    decl,
    { structureId: actor.structureId, period: { from: q.from, to: q.to }, scope: scopeFor(actor, q) },
    q,
  )
  return { within, programmeId: q.programmeFilter, ageOutBefore: q.ageOutBefore, cejEndBefore: q.cejEndBefore }
}

/** Two breakdowns of an indicator crossed, and the persons behind a cell (for those who may open files). */
export function crossRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/indicators/cross',
    summary: 'Indicateurs dont on peut croiser deux ventilations, avec leurs ventilations',
    tags,
    access: reportingPolicy.readIndicators,
    response: crossCatalogueSchema,
    handler: async () =>
      allIndicators()
        .filter((i) => i.cross)
        .map((i) => ({
          indicatorId: i.id,
          label: i.label,
          dimensions: i.cross!.dimensions.map((d) => ({ key: d.key, label: d.label })),
        })),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/indicators/:id/cross',
    summary:
      'Deux ventilations d’un indicateur croisées (ex. niveau × site), en personnes, sur une période et un périmètre',
    tags,
    access: reportingPolicy.readIndicators,
    params: crossParams,
    query: crossQuery,
    response: crossResultSchema,
    handler: async ({ tx, actor, params, query }) => {
      const decl = getIndicator(params.id)
      const result = await readForReport(deps, tx, (q) =>
        crossIndicator(
          q,
          decl,
          { structureId: actor.structureId, period: { from: query.from, to: query.to }, scope: scopeFor(actor, query) },
          query.rows,
          query.columns,
        ),
      )
      return { ...result, canOpenPersons: can(actor.role, 'indicatorPersons') }
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/indicators/:id/cross/persons',
    summary:
      'Les personnes d’une case du croisement (ligne et colonne ; l’une omise : le total), parmi celles que vous ' +
      'pouvez voir, avec les filtres des listes (programme, 26 ans, fin de CEJ)',
    tags,
    access: reportingPolicy.readPersons,
    params: crossParams,
    query: crossPersonsQuery,
    response: personSearchPageSchema,
    handler: async ({ tx, actor, params, query, now }) =>
      searchPersons(
        tx,
        actor,
        {
          ...cellFilter(tx, actor, params.id, query),
          sort: 'name',
          order: 'asc',
          page: query.page,
          pageSize: query.pageSize,
        },
        dayIn(now, actor.timeZone),
      ),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/indicators/:id/cross/persons/export',
    summary: 'Les personnes d’une case du croisement en CSV ou XLSX ; export tracé',
    tags,
    access: reportingPolicy.exportPersons,
    params: crossParams,
    query: crossPersonsExportQuery,
    handler: async (ctx) => {
      const { format, ...filters } = ctx.query
      const today = dayIn(ctx.now, ctx.actor.timeZone)
      const rows = await exportPersons(ctx.tx, ctx.actor, cellFilter(ctx.tx, ctx.actor, ctx.params.id, filters), today)
      return sendList(ctx, {
        list: 'indicator-cell',
        name: `personnes_${ctx.params.id}`,
        title: 'Personnes',
        today,
        columns: personListColumns,
        rows,
        format,
        filters: { indicator: ctx.params.id, ...filters },
      })
    },
  })
}
