import type { z } from 'zod'
import type {
  ContactInput,
  EmployerDetail,
  EmployerInput,
  EmployerUpdate,
  employerListQuery,
  InteractionInput,
} from '../../../shared/employment/employers.schema.ts'
import { normaliseSiret, siretError } from '../../../shared/siret.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { declareConstraintConflict, notFound } from '../../errors.ts'
import { findCommune } from '../reference/communes.ts'
import {
  clearPrimary,
  contactExists,
  insertContact,
  insertInteraction,
  interactionExists,
  listContacts,
  listInteractions,
  updateContact,
  updateInteraction,
} from './employer-contacts.repository.ts'
import {
  employerBySiret,
  employerExists,
  employerHistory,
  employerValues,
  findEmployer,
  insertEmployer,
  listEmployers,
  updateEmployer,
} from './employers.repository.ts'
import { conflict, type EmploymentCtx, invalid, seesWholeStructure } from './employment-ctx.ts'

// The employers' rules (docs/employment/employers.md): a company file is created from its SIRET (checked, unique in the
// structure: 409 naming `siret`, two desks creating the same one together included), edits name the version read,
// contacts and interactions belong to the file (the interaction records who made it), the history reads what the
// other parts wrote. A file others rest on is closed (active=false), never deleted.

export const siretTaken = 'Une entreprise de la structure porte déjà ce SIRET.'
declareConstraintConflict('employer_siret_key', siretTaken, [{ field: 'siret', message: siretTaken }])

const sid = (ctx: EmploymentCtx) => ctx.actor.structureId

/** the commune's name and postcode from its INSEE code, when the form or the file left them out */
export function withCommune<T extends EmployerInput>(input: T): T {
  if (!input.communeCode) return input
  const commune = findCommune(input.communeCode)
  if (!commune) return input
  return { ...input, communeName: input.communeName ?? commune.name, postcode: input.postcode ?? commune.postcode }
}

export async function oneEmployer(ctx: EmploymentCtx, id: string): Promise<EmployerDetail> {
  const employer = await findEmployer(ctx.tx, sid(ctx), id)
  if (!employer) throw notFound('Cette entreprise')
  const [contacts, interactions, history] = [
    await listContacts(ctx.tx, sid(ctx), id),
    await listInteractions(ctx.tx, sid(ctx), id),
    await employerHistory(ctx.tx, sid(ctx), id, seesWholeStructure(ctx.actor)),
  ]
  return { ...employer, contacts, interactions, history }
}

export const employerList = (ctx: EmploymentCtx, q: z.output<typeof employerListQuery>) =>
  listEmployers(ctx.tx, sid(ctx), q).then((r) => ({ ...r, page: q.page, pageSize: q.pageSize }))

/** the form's check on blur: is it a SIRET, and which file of the structure already bears it */
export async function checkSiret(ctx: EmploymentCtx, typed: string) {
  const siret = normaliseSiret(typed)
  const message = siretError(siret)
  const existing = message ? undefined : await employerBySiret(ctx.tx, sid(ctx), siret)
  return {
    siret,
    valid: message === null,
    message,
    existing: existing ? { id: existing.id, name: existing.name } : null,
  }
}

export async function createEmployer(ctx: EmploymentCtx, raw: EmployerInput) {
  const input = withCommune(raw)
  const taken = await employerBySiret(ctx.tx, sid(ctx), input.siret)
  if (taken) throw conflict('siret', `${siretTaken} (${taken.name})`)
  const id = await insertEmployer(ctx.tx, sid(ctx), input, ctx.actor.userId)
  await ctx.audit({ action: 'create', entity: 'employer', entityId: id, detail: { ...input } })
  return oneEmployer(ctx, id)
}

export async function changeEmployer(ctx: EmploymentCtx, id: string, raw: EmployerUpdate) {
  const { version, active, ...input } = raw
  const v = withCommune(input)
  const taken = await employerBySiret(ctx.tx, sid(ctx), v.siret)
  if (taken && taken.id !== id) throw conflict('siret', `${siretTaken} (${taken.name})`)
  await ensureUpdated(
    await updateEmployer(ctx.tx, sid(ctx), id, version, { ...employerValues(v), active }),
    () => employerExists(ctx.tx, sid(ctx), id),
    'Cette entreprise',
  )
  await ctx.audit({ action: 'update', entity: 'employer', entityId: id, detail: { ...v, active } })
  return oneEmployer(ctx, id)
}

// ---- contacts

async function ensureEmployer(ctx: EmploymentCtx, employerId: string) {
  if (!(await employerExists(ctx.tx, sid(ctx), employerId))) throw notFound('Cette entreprise')
}

export async function addContact(ctx: EmploymentCtx, employerId: string, input: ContactInput) {
  await ensureEmployer(ctx, employerId)
  const id = await insertContact(ctx.tx, sid(ctx), employerId, input)
  if (input.isPrimary) await clearPrimary(ctx.tx, sid(ctx), employerId, id)
  await ctx.audit({ action: 'create', entity: 'employer_contact', entityId: id, detail: { employerId, ...input } })
  return oneEmployer(ctx, employerId)
}

export async function changeContact(
  ctx: EmploymentCtx,
  employerId: string,
  contactId: string,
  input: ContactInput & { version: number; active: boolean },
) {
  await ensureEmployer(ctx, employerId)
  const { version, ...v } = input
  await ensureUpdated(
    await updateContact(ctx.tx, sid(ctx), employerId, contactId, version, v),
    () => contactExists(ctx.tx, sid(ctx), employerId, contactId),
    'Ce contact',
  )
  if (v.isPrimary) await clearPrimary(ctx.tx, sid(ctx), employerId, contactId)
  await ctx.audit({ action: 'update', entity: 'employer_contact', entityId: contactId, detail: { employerId, ...v } })
  return oneEmployer(ctx, employerId)
}

// ---- interactions

async function checkContact(ctx: EmploymentCtx, employerId: string, contactId: string | null) {
  if (contactId && !(await contactExists(ctx.tx, sid(ctx), employerId, contactId)))
    throw invalid('contactId', 'Choisissez un contact de cette entreprise.')
}

/** an interaction is recorded in the name of who enters it */
export async function addInteraction(ctx: EmploymentCtx, employerId: string, input: InteractionInput) {
  await ensureEmployer(ctx, employerId)
  await checkContact(ctx, employerId, input.contactId)
  const id = await insertInteraction(ctx.tx, sid(ctx), employerId, ctx.actor.userId, input)
  await ctx.audit({ action: 'create', entity: 'employer_interaction', entityId: id, detail: { employerId, ...input } })
  return oneEmployer(ctx, employerId)
}

export async function changeInteraction(
  ctx: EmploymentCtx,
  employerId: string,
  interactionId: string,
  input: InteractionInput & { version: number },
) {
  await ensureEmployer(ctx, employerId)
  const { version, ...v } = input
  await checkContact(ctx, employerId, v.contactId)
  await ensureUpdated(
    await updateInteraction(ctx.tx, sid(ctx), employerId, interactionId, version, v),
    () => interactionExists(ctx.tx, sid(ctx), employerId, interactionId),
    'Ce contact avec l’entreprise',
  )
  await ctx.audit({
    action: 'update',
    entity: 'employer_interaction',
    entityId: interactionId,
    detail: { employerId, ...v },
  })
  return oneEmployer(ctx, employerId)
}
