import type { FastifyInstance } from 'fastify'
import type { ExpressionBuilder } from 'kysely'
import { z } from 'zod'
import {
  idParams,
  type ProgrammeType,
  programmeInputSchema,
  programmeSchema,
  programmeUpdateSchema,
} from '../../../shared/admin/admin.schema.ts'
import type { Database } from '../../db/schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Deps, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { defineRoute } from '../../http/route.ts'
import { adminPolicy } from './admin.policy.ts'

const tags = ['Administration : programmes']

/** An enrolment uses the programme: its type is part of figures already counted. */
const inUse = (eb: ExpressionBuilder<Database, 'programme'>) =>
  eb.exists(eb.selectFrom('enrolment').select('enrolment.id').whereRef('enrolment.programme_id', '=', 'programme.id'))

const columns = (eb: ExpressionBuilder<Database, 'programme'>) =>
  [
    'programme.id',
    'programme.code',
    'programme.name',
    'programme.active',
    'programme.kind',
    'programme.type',
    'programme.contact_days as contactDays',
    'programme.contact_days_during_step as contactDaysDuringStep',
    'programme.version',
    inUse(eb).$castTo<boolean>().as('inUse'),
  ] as const

async function ensureCodeFree(tx: Tx, structureId: string, code: string, exceptId?: string) {
  let q = tx.selectFrom('programme').select('id').where('structure_id', '=', structureId).where('code', '=', code)
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst())
    throw new AppError('conflict', 'Ce code de programme existe déjà.', [
      { field: 'code', message: 'Code déjà utilisé.' },
    ])
}

/**
 * The type says what the programme is to the report (the Mission Locale population, the CIVIS entries…), whatever
 * its code. The admin chooses it at creation; it may change while no enrolment uses the programme (a wrong choice is
 * fixed before it counts), never after: every figure the programme's enrolments entered would change with it.
 * The row is locked first (FOR UPDATE waits for, and then holds off, an enrolment being written: its foreign key
 * takes a share lock on the programme), and the enrolments are looked at in the next statement, which sees them.
 */
async function ensureTypeMayChange(tx: Tx, structureId: string, id: string, type: ProgrammeType | undefined) {
  if (type === undefined) return
  const current = await tx
    .selectFrom('programme')
    .select('type')
    .where('id', '=', id)
    .where('structure_id', '=', structureId)
    .forUpdate()
    .executeTakeFirst()
  if (!current || current.type === type) return
  const used = await tx.selectFrom('enrolment').select('id').where('programme_id', '=', id).limit(1).executeTakeFirst()
  if (used)
    throw new AppError(
      'conflict',
      'Des personnes sont inscrites à ce programme : sa nature ne peut plus changer, les chiffres passés changeraient.',
      [{ field: 'type', message: 'Nature fixée : le programme a des inscriptions.' }],
    )
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
    summary: 'Créer un programme (sa nature, choisie ici, est ce que le rapport reconnaît)',
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
          type: body.type,
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
    summary: 'Modifier un programme (sa nature, tant qu’aucune personne n’y est inscrite)',
    tags,
    access: adminPolicy.manageProgrammes,
    params: idParams,
    body: programmeUpdateSchema,
    response: programmeSchema,
    handler: async ({ tx, actor, params, body, audit }) => {
      await ensureCodeFree(tx, actor.structureId, body.code, params.id)
      await ensureTypeMayChange(tx, actor.structureId, params.id, body.type)
      const row = await ensureUpdated(
        await tx
          .updateTable('programme')
          .set({
            code: body.code,
            name: body.name,
            active: body.active,
            ...(body.kind === undefined ? {} : { kind: body.kind }),
            ...(body.type === undefined ? {} : { type: body.type }),
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
