import type { FastifyInstance } from 'fastify'
import { auditEventSchema, auditQuery, pageOf } from '../../../shared/admin/admin.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { adminPolicy } from './admin.policy.ts'
import { personNames, personOfLine, toAuditEvent } from './audit-person.ts'

export function auditRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/admin/audit',
    summary: 'Journal d’audit, filtré par auteur, action, type d’élément, élément et dates (UTC)',
    tags: ['Administration : journal'],
    access: adminPolicy.readAudit,
    query: auditQuery,
    response: pageOf(auditEventSchema),
    handler: async ({ tx, actor, query }) => {
      let q = tx.selectFrom('audit_event').where('structure_id', '=', actor.structureId)
      if (query.actorId) q = q.where('actor_id', '=', query.actorId)
      if (query.action) q = q.where('action', 'like', `${query.action}%`)
      if (query.entity) q = q.where('entity', '=', query.entity)
      if (query.entityId) q = q.where('entity_id', '=', query.entityId)
      if (query.from) q = q.where('at', '>=', new Date(`${query.from}T00:00:00Z`))
      if (query.to) q = q.where('at', '<', new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000))
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
      const rows = await q
        .select(['id', 'at', 'actor_id', 'actor_label', 'action', 'entity', 'entity_id', 'detail', 'ip'])
        .select(personOfLine.as('person_id'))
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute()
      // the persons named in words, for the readers who may see them all (the admin reads no person file)
      const names = await personNames(
        tx,
        actor,
        rows.map((r) => r.person_id),
      )
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((r) => toAuditEvent(r, names)),
      }
    },
  })
}
