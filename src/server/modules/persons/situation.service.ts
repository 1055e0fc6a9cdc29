import type { z } from 'zod'
import { dayIn, frenchDate } from '../../../shared/dates.ts'
import { attributeLabels, statuses as statusList } from '../../../shared/nomenclatures/person.ts'
import {
  type AttributeEntry,
  type AttributesView,
  type attributeInput,
  isSensitiveAttribute,
  isSensitiveStatus,
  resolveAttributeValue,
  type StatusesView,
  type StatusPeriod,
  type statusInput,
  type statusUpdateInput,
} from '../../../shared/persons/situation.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import { canSeeSensitive, loadVisiblePerson } from './person.policy.ts'
import { lockPerson } from './persons.repository.ts'
import { auditSensitiveRead, type ServiceContext } from './persons.service.ts'
import {
  attributeHistory,
  attributeStateOn,
  deleteAttribute,
  findAttributeOn,
  getStatus,
  insertAttribute,
  insertStatus,
  listStatuses,
  overlappingStatus,
  updateStatus,
} from './situation.repository.ts'

// Situation over time. Entries are added with the date they take effect and are never overwritten: a second entry
// for the same attribute on the same date is refused (409); a mistaken entry is deleted (audited) and entered again.

function checkDate(field: string, date: string, person: { birth_date: string }, today: string) {
  if (date > today) throw new AppError('validation', 'Date dans le futur.', [{ field, message: 'Pas de date future.' }])
  if (date < person.birth_date)
    throw new AppError('validation', 'Date antérieure à la naissance.', [
      { field, message: 'La date précède la date de naissance.' },
    ])
}

/** The state on a date and the history; resources only for those who may see sensitive data, each read audited. */
export async function attributesView(ctx: ServiceContext, personId: string, on?: string): Promise<AttributesView> {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const day = on ?? dayIn(ctx.now, ctx.actor.timeZone)
  const withSensitive = canSeeSensitive(ctx.actor, person)
  const state = await attributeStateOn(ctx.tx, person.id, day, { withSensitive })
  const history = await attributeHistory(ctx.tx, person.id, { withSensitive })
  await auditSensitiveRead(ctx, person.id, { state, attributes: history })
  return { on: day, state, history, sensitiveHidden: !withSensitive }
}

function requireSensitiveRight(
  ctx: ServiceContext,
  person: { site_id: string; referent_id: string | null },
  sensitive: boolean,
  field: string,
) {
  if (sensitive && !canSeeSensitive(ctx.actor, person))
    throw new AppError(
      'forbidden',
      'Seul un conseiller qui suit la personne peut gérer le RSA, les ressources, la RQTH ou la justice.',
      [{ field, message: 'Donnée réservée au conseiller qui suit la personne.' }],
    )
}

export async function addAttribute(
  ctx: ServiceContext,
  personId: string,
  input: z.infer<typeof attributeInput>,
): Promise<AttributeEntry> {
  const { tx, actor, now } = ctx
  const person = await loadVisiblePerson(tx, actor, personId, now)
  requireSensitiveRight(ctx, person, isSensitiveAttribute(input.attribute), 'attribute')
  checkDate('validFrom', input.validFrom, person, dayIn(now, actor.timeZone))
  if (await findAttributeOn(tx, person.id, input.attribute, input.validFrom))
    throw new AppError(
      'conflict',
      `« ${attributeLabels[input.attribute]} » a déjà une valeur au ${frenchDate(input.validFrom)}. ` +
        'Supprimez cette saisie si elle est erronée, ou choisissez une autre date d’effet.',
      [{ field: 'validFrom', message: 'Une valeur existe déjà à cette date.' }],
    )
  const resolved = resolveAttributeValue(input)
  const row = await insertAttribute(tx, {
    structureId: actor.structureId,
    personId: person.id,
    attribute: input.attribute,
    ...resolved,
    validFrom: input.validFrom,
    recordedBy: actor.userId,
    recordedAt: now,
  })
  await ctx.audit({
    action: 'attribute.create',
    entity: 'person',
    entityId: person.id,
    detail: { attributeId: row.id, attribute: input.attribute, validFrom: input.validFrom },
  })
  await auditSensitiveRead(ctx, person.id, { attributes: [row] })
  return {
    id: row.id,
    attribute: input.attribute,
    value: row.value,
    level1969: input.attribute === 'education_level' ? row.value : null,
    level2019: row.level_2019,
    validFrom: row.valid_from,
    recordedAt: now.toISOString(),
    recordedByName: actor.displayName,
  }
}

export async function removeAttribute(ctx: ServiceContext, personId: string, attributeId: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  // A hidden entry answers as absent: its existence is itself sensitive.
  const gone = await deleteAttribute(ctx.tx, person.id, attributeId, {
    withSensitive: canSeeSensitive(ctx.actor, person),
  })
  if (!gone) throw notFound('Cette saisie')
  await ctx.audit({
    action: 'attribute.delete',
    entity: 'person',
    entityId: person.id,
    detail: { attributeId, attribute: gone.attribute, validFrom: gone.valid_from },
  })
}

// Statuses --------------------------------------------------------------------------------------------------------

export async function statusesView(ctx: ServiceContext, personId: string, on?: string): Promise<StatusesView> {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const withSensitive = canSeeSensitive(ctx.actor, person)
  const items = await listStatuses(ctx.tx, person.id, { on, withSensitive })
  await auditSensitiveRead(ctx, person.id, { statuses: items })
  return { on: on ?? null, sensitiveHidden: !withSensitive, items }
}

async function refuseOverlap(
  ctx: ServiceContext,
  personId: string,
  status: StatusPeriod['status'],
  start: string,
  end: string | null,
  exceptId?: string,
) {
  const other = await overlappingStatus(ctx.tx, personId, status, start, end, exceptId)
  if (other)
    throw new AppError(
      'conflict',
      `Une période « ${statusList.labels[status]} » couvre déjà ces dates (depuis le ${frenchDate(other.start_date)}` +
        `${other.end_date ? ` jusqu’au ${frenchDate(other.end_date)}` : ''}). Modifiez-la plutôt.`,
      [{ field: 'startDate', message: 'Chevauche une autre période du même statut.' }],
    )
}

export async function addStatus(
  ctx: ServiceContext,
  personId: string,
  input: z.infer<typeof statusInput>,
): Promise<StatusPeriod> {
  const { tx, actor, now } = ctx
  const person = await loadVisiblePerson(tx, actor, personId, now)
  requireSensitiveRight(ctx, person, isSensitiveStatus(input.status), 'status')
  const today = dayIn(now, actor.timeZone)
  checkDate('startDate', input.startDate, person, today)
  // One request at a time per person from the overlap check to the commit: two desks cannot both store a period.
  await lockPerson(tx, actor.structureId, person.id)
  await refuseOverlap(ctx, person.id, input.status, input.startDate, input.endDate)
  const id = await insertStatus(tx, {
    structureId: actor.structureId,
    personId: person.id,
    status: input.status,
    detail: input.detail,
    startDate: input.startDate,
    endDate: input.endDate,
    recordedBy: actor.userId,
    recordedAt: now,
  })
  await ctx.audit({
    action: 'status.create',
    entity: 'person',
    entityId: person.id,
    detail: { statusId: id, status: isSensitiveStatus(input.status) ? 'sensitive' : input.status },
  })
  const created = (await getStatus(tx, person.id, id))!
  await auditSensitiveRead(ctx, person.id, { statuses: [created] })
  return created
}

export async function changeStatus(
  ctx: ServiceContext,
  personId: string,
  statusId: string,
  input: z.infer<typeof statusUpdateInput>,
): Promise<StatusPeriod> {
  const { tx, actor } = ctx
  const person = await loadVisiblePerson(tx, actor, personId, ctx.now)
  const current = await getStatus(tx, person.id, statusId)
  // A hidden status answers as absent: its existence is itself sensitive.
  if (!current || (current.sensitive && !canSeeSensitive(actor, person))) throw notFound('Ce statut')
  requireSensitiveRight(ctx, person, current.sensitive, 'status')
  checkDate('startDate', input.startDate, person, dayIn(ctx.now, ctx.actor.timeZone))
  await lockPerson(tx, actor.structureId, person.id)
  await refuseOverlap(ctx, person.id, current.status, input.startDate, input.endDate, statusId)
  await ensureUpdated(await updateStatus(tx, person.id, statusId, input), async () => true, 'Ce statut')
  const changed = (['detail', 'startDate', 'endDate'] as const).filter((f) => input[f] !== current[f])
  await ctx.audit({
    action: 'status.update',
    entity: 'person',
    entityId: person.id,
    detail: { statusId, status: current.sensitive ? 'sensitive' : current.status, changed },
  })
  const updated = (await getStatus(tx, person.id, statusId))!
  await auditSensitiveRead(ctx, person.id, { statuses: [updated] })
  return updated
}
