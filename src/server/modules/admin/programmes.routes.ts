import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  idParams,
  programmeInputSchema,
  programmeSchema,
  programmeUpdateSchema,
} from '../../../shared/admin/admin.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { defineRoute } from '../../http/route.ts'
import { adminPolicy } from './admin.policy.ts'

const tags = ['Administration : programmes']
const columns = [
  'id',
  'code',
  'name',
  'active',
  'kind',
  'contact_days as contactDays',
  'contact_days_during_step as contactDaysDuringStep',
  'version',
] as const

async function ensureCodeFree(tx: Tx, structureId: string, code: string, exceptId?: string) {
  let q = tx.selectFrom('programme').select('id').where('structure_id', '=', structureId).where('code', '=', code)
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst())
    throw new AppError('conflict', 'Ce code de programme existe déjà.', [
      { field: 'code', message: 'Code déjà utilisé.' },
    ])
}

export function programmeRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/admin/programmes',
    summary: 'Programmes de la structure (Mission Locale, PLIE…)',
    tags,
    access: adminPolicy.readReference,
    response: z.array(programmeSchema),
    handler: async ({ tx, actor }) =>
      tx
        .selectFrom('programme')
        .select(columns)
        .where('structure_id', '=', actor.structureId)
        .orderBy('code')
        .execute(),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/admin/programmes',
    summary: 'Créer un programme',
    tags,
    access: adminPolicy.manageProgrammes,
    body: programmeInputSchema,
    response: programmeSchema,
    status: 201,
    handler: async ({ tx, actor, body, audit }) => {
      await ensureCodeFree(tx, actor.structureId, body.code)
      const row = await tx
        .insertInto('programme')
        .values({
          structure_id: actor.structureId,
          code: body.code,
          name: body.name,
          active: body.active,
          kind: body.kind,
          contact_days: body.contactDays,
          contact_days_during_step: body.contactDaysDuringStep,
        })
        .returning(columns)
        .executeTakeFirstOrThrow()
      await audit({ action: 'create', entity: 'programme', entityId: row.id, detail: body })
      return row
    },
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/admin/programmes/:id',
    summary: 'Modifier un programme',
    tags,
    access: adminPolicy.manageProgrammes,
    params: idParams,
    body: programmeUpdateSchema,
    response: programmeSchema,
    handler: async ({ tx, actor, params, body, audit }) => {
      await ensureCodeFree(tx, actor.structureId, body.code, params.id)
      const row = await ensureUpdated(
        await tx
          .updateTable('programme')
          .set({
            code: body.code,
            name: body.name,
            active: body.active,
            ...(body.kind === undefined ? {} : { kind: body.kind }),
            ...(body.contactDays === undefined ? {} : { contact_days: body.contactDays }),
            ...(body.contactDaysDuringStep === undefined
              ? {}
              : { contact_days_during_step: body.contactDaysDuringStep }),
            version: body.version + 1,
          })
          .where('id', '=', params.id)
          .where('structure_id', '=', actor.structureId)
          .where('version', '=', body.version)
          .returning(columns)
          .executeTakeFirst(),
        async () =>
          !!(await tx
            .selectFrom('programme')
            .select('id')
            .where('id', '=', params.id)
            .where('structure_id', '=', actor.structureId)
            .executeTakeFirst()),
        'Ce programme',
      )
      await audit({ action: 'update', entity: 'programme', entityId: params.id, detail: body })
      return row
    },
  })
}
