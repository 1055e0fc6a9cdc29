import type { FastifyInstance } from 'fastify'
import { personAuditParams, personAuditQuery, personAuditSchema } from '../../../shared/admin/audit.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import { adminPolicy } from './admin.policy.ts'
import { personName, personOfLine, toAuditEvent } from './audit-person.ts'

/**
 * "Who viewed this file" (issue 10): the file's readers — each opening is an audit line (`person.read`, at most one per
 * reader and quarter hour: persons/file-read.ts), each read of its sensitive fields another (`sensitive.read`) — and
 * the file's whole trail, newest first. For the director; another structure's person, or an
 * unknown one, answers 404 like the file itself.
 */
export function personAuditRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/admin/audit/persons/:personId',
    summary: 'Journal d’un dossier : qui a consulté ses informations sensibles, qui l’a modifié',
    tags: ['Administration : journal'],
    access: adminPolicy.readPersonAudit,
    params: personAuditParams,
    query: personAuditQuery,
    response: personAuditSchema,
    read: true,
    handler: async ({ tx, actor, params, query, now }) => {
      const person = await loadVisiblePerson(tx, actor, params.personId, now)
      const lines = tx
        .selectFrom('audit_event')
        .where('structure_id', '=', actor.structureId)
        .where(personOfLine, '=', person.id)
      const [{ total }, rows, readers] = await Promise.all([
        lines.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        lines
          .select(['id', 'at', 'actor_id', 'actor_label', 'action', 'entity', 'entity_id', 'detail', 'ip'])
          .select(personOfLine.as('person_id'))
          .orderBy('id', 'desc')
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        lines
          .where('action', 'in', ['person.read', 'sensitive.read'])
          .select(['actor_id', 'actor_label'])
          .select((eb) => [
            eb.fn.count<number>(eb.case().when('action', '=', 'person.read').then(1).end()).as('openings'),
            eb.fn.count<number>(eb.case().when('action', '=', 'sensitive.read').then(1).end()).as('sensitive_reads'),
            eb.fn.min('at').as('first_at'),
            eb.fn.max('at').as('last_at'),
            eb.fn.max('id').as('last_id'),
          ])
          .groupBy(['actor_id', 'actor_label'])
          // the trail's own order (its lines' ids), not the clock's: two reads may share a time
          .orderBy('last_id', 'desc')
          .execute(),
      ])
      const name = personName(person)
      return {
        person: { id: person.id, name },
        readers: readers.map((r) => ({
          actorId: r.actor_id,
          actorLabel: r.actor_label,
          openings: Number(r.openings),
          sensitiveReads: Number(r.sensitive_reads),
          firstAt: new Date(r.first_at).toISOString(),
          lastAt: new Date(r.last_at).toISOString(),
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((r) => toAuditEvent(r, new Map([[person.id, name]]))),
      }
    },
  })
}
