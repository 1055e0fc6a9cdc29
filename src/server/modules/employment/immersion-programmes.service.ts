import type { z } from 'zod'
import type { ProgrammeInput, programmeUpdateInput } from '../../../shared/employment/immersions.schema.ts'
import { notFound, versionConflict } from '../../errors.ts'
import { conflict, type EmploymentCtx, todayOf } from './employment-ctx.ts'
import { findProgrammeRow, listProgrammes, usedModules } from './immersion-programmes.repository.ts'

// Immersion programmes (docs/employment/immersions.md « Programmes »): a programme in numbered modules, each with its
// objective (the CIVIS immersions: 1 discover, 2 confirm the project, 3 recruitment); the employment officer keeps
// them, every reader sees them with their figures counted within the reader's scope.

const what = 'Ce programme'

export async function programmeList(ctx: EmploymentCtx, activeOnly: boolean) {
  return listProgrammes(ctx.tx, ctx.actor, todayOf(ctx), { activeOnly })
}

export async function oneProgramme(ctx: EmploymentCtx, id: string) {
  const [p] = await listProgrammes(ctx.tx, ctx.actor, todayOf(ctx), { ids: [id] })
  if (!p) throw notFound(what)
  return p
}

async function writeModules(ctx: EmploymentCtx, programmeId: string, modules: ProgrammeInput['modules']) {
  const s = ctx.actor.structureId
  const used = await usedModules(ctx.tx, s, programmeId)
  const gone = used.filter((n) => !modules.some((m) => m.number === n))
  if (gone.length)
    throw conflict('modules', `Le module ${gone.join(', ')} a des immersions : il ne peut pas être retiré.`)
  await ctx.tx
    .deleteFrom('immersion_module')
    .where('structure_id', '=', s)
    .where('programme_id', '=', programmeId)
    .where('number', 'not in', [...modules.map((m) => m.number), 0])
    .execute()
  for (const m of modules)
    await ctx.tx
      .insertInto('immersion_module')
      .values({ structure_id: s, programme_id: programmeId, number: m.number, label: m.label, objective: m.objective })
      .onConflict((oc) =>
        oc.columns(['structure_id', 'programme_id', 'number']).doUpdateSet({ label: m.label, objective: m.objective }),
      )
      .execute()
}

export async function createProgramme(ctx: EmploymentCtx, input: ProgrammeInput) {
  const row = await ctx.tx
    .insertInto('immersion_programme')
    .values({ structure_id: ctx.actor.structureId, name: input.name, active: input.active, external_id: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeModules(ctx, row.id, input.modules)
  await ctx.audit({ action: 'employment.immersion-programme.create', entity: 'immersion_programme', entityId: row.id })
  return oneProgramme(ctx, row.id)
}

export async function updateProgramme(ctx: EmploymentCtx, id: string, input: z.output<typeof programmeUpdateInput>) {
  const s = ctx.actor.structureId
  const row = await findProgrammeRow(ctx.tx, s, id, { lock: true })
  if (!row) throw notFound(what)
  if (row.version !== input.version) throw versionConflict()
  await ctx.tx
    .updateTable('immersion_programme')
    .set({ name: input.name, active: input.active, version: input.version + 1 })
    .where('structure_id', '=', s)
    .where('id', '=', id)
    .execute()
  await writeModules(ctx, id, input.modules)
  await ctx.audit({ action: 'employment.immersion-programme.update', entity: 'immersion_programme', entityId: id })
  return oneProgramme(ctx, id)
}
