import type { z } from 'zod'
import type { enrolmentInputSchema } from '../../../shared/accompaniment/situations.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Tx } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import { ensureStaff, invalid, type ServiceCtx } from './accompaniment.checks.ts'
import { frenchDate, localDay } from './dates.ts'
import {
  type EnrolmentValues,
  findEnrolmentRow,
  findOverlap,
  findProgramme,
  getEnrolment,
  insertEnrolment,
  listEnrolments,
  updateEnrolment,
} from './enrolments.repository.ts'

type EnrolmentInput = z.output<typeof enrolmentInputSchema>
type Current = { programme_id: string; referent_id: string | null }

/** Serialises the changes of one person's enrolments, so two concurrent entries cannot both pass the overlap check. */
async function lockPerson(tx: Tx, structureId: string, personId: string) {
  // the structure too: on Citus a row lock must name the shard (docs/operations.md)
  await tx
    .selectFrom('person')
    .select('id')
    .where('structure_id', '=', structureId)
    .where('id', '=', personId)
    .forUpdate()
    .execute()
}

async function resolve(
  ctx: ServiceCtx,
  personId: string,
  input: EnrolmentInput,
  current?: Current & { id: string },
): Promise<EnrolmentValues> {
  const { tx, actor } = ctx
  const programme = await findProgramme(tx, actor.structureId, input.programmeId)
  if (!programme || (!programme.active && programme.id !== current?.programme_id))
    throw invalid('programmeId', 'Ce programme n’existe pas dans la structure ou n’est plus actif.')
  const referentId = input.referentId === undefined ? (current ? current.referent_id : actor.userId) : input.referentId
  if (referentId && referentId !== current?.referent_id)
    await ensureStaff(tx, actor.structureId, referentId, 'referentId')
  const v: EnrolmentValues = {
    programme_id: programme.id,
    entry_date: input.entryDate,
    exit_date: input.exitDate,
    exit_reason: input.exitReason,
    planned_end_date: input.plannedEndDate ?? null,
    reinforced: input.reinforced,
    referent_id: referentId,
  }
  await lockPerson(tx, actor.structureId, personId)
  const overlap = await findOverlap(tx, personId, v, current?.id)
  if (overlap)
    throw new AppError(
      'conflict',
      overlap.exit_date
        ? `Cette personne était déjà inscrite à ${programme.code} sur cette période (du ${frenchDate(overlap.entry_date)} au ${frenchDate(overlap.exit_date)}).`
        : `Cette personne a déjà une inscription en cours à ${programme.code} (depuis le ${frenchDate(overlap.entry_date)}) : enregistrez d’abord sa sortie.`,
      [{ field: 'programmeId', message: 'Inscription déjà en cours dans ce programme.' }],
    )
  return v
}

const auditDetail = (personId: string, v: EnrolmentValues) => ({
  personId,
  programmeId: v.programme_id,
  entryDate: v.entry_date,
  exitDate: v.exit_date,
  exitReason: v.exit_reason,
  plannedEndDate: v.planned_end_date ?? null,
  reinforced: v.reinforced,
  referentId: v.referent_id,
})

export async function listPersonEnrolments(ctx: ServiceCtx, personId: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  return listEnrolments(ctx.tx, person.id, localDay(ctx.now, ctx.actor.timeZone))
}

export async function createEnrolment(ctx: ServiceCtx, personId: string, input: EnrolmentInput) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const v = await resolve(ctx, person.id, input)
  const id = await insertEnrolment(ctx.tx, ctx.actor.structureId, person.id, v)
  await ctx.audit({ action: 'create', entity: 'enrolment', entityId: id, detail: auditDetail(person.id, v) })
  return (await getEnrolment(ctx.tx, person.id, id, localDay(ctx.now, ctx.actor.timeZone)))!
}

export async function changeEnrolment(
  ctx: ServiceCtx,
  personId: string,
  id: string,
  input: EnrolmentInput & { version: number },
) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const current = await findEnrolmentRow(ctx.tx, person.id, id)
  if (!current) throw notFound('Cette inscription')
  const v = await resolve(ctx, person.id, input, current)
  await ensureUpdated(
    await updateEnrolment(ctx.tx, person.id, id, input.version, v),
    async () => !!(await findEnrolmentRow(ctx.tx, person.id, id)),
    'Cette inscription',
  )
  await ctx.audit({ action: 'update', entity: 'enrolment', entityId: id, detail: auditDetail(person.id, v) })
  return (await getEnrolment(ctx.tx, person.id, id, localDay(ctx.now, ctx.actor.timeZone)))!
}
