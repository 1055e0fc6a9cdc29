import type { FastifyInstance } from 'fastify'
import { structureSettingsInputSchema, structureSettingsSchema } from '../../../shared/admin/structure.schema.ts'
import type { Deps } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { defineRoute } from '../../http/route.ts'
import { adminPolicy } from './admin.policy.ts'
import { getStructureSettings, isTimeZoneKnownToDatabase, updateStructureSettings } from './structure.repository.ts'

const tags = ['Administration : structure']

export function structureRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/admin/structure',
    summary: 'La structure : son nom et son fuseau horaire',
    tags,
    access: adminPolicy.manageStructure,
    response: structureSettingsSchema,
    handler: async ({ tx, actor }) => getStructureSettings(tx, actor.structureId),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/admin/structure',
    summary:
      'Modifier le nom et le fuseau horaire de la structure (avec la version lue, refusé si quelqu’un l’a modifiée entre-temps)',
    tags,
    access: adminPolicy.manageStructure,
    body: structureSettingsInputSchema,
    response: structureSettingsSchema,
    handler: async ({ tx, actor, body, audit }) => {
      if (!(await isTimeZoneKnownToDatabase(tx, body.timeZone)))
        throw new AppError('validation', 'Fuseau horaire inconnu de la base de données.', [
          { field: 'timeZone', message: `La base de données ne connaît pas le fuseau « ${body.timeZone} ».` },
        ])
      await updateStructureSettings(tx, actor.structureId, body)
      await audit({ action: 'update', entity: 'structure', entityId: actor.structureId, detail: body })
      return getStructureSettings(tx, actor.structureId)
    },
  })
}
