import type { z } from 'zod'
import type { organisationInputSchema } from '../../../shared/plie/organisations.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, declareConstraintConflict, notFound } from '../../errors.ts'
import { findCommune } from '../reference/communes.ts'
import {
  findOrganisation,
  insertOrganisation,
  listCommunes,
  listOrganisations,
  type OrganisationValues,
  partnerAccounts,
  replaceCommunes,
  replaceOrganisationUsers,
  updateOrganisation,
} from './organisations.repository.ts'
import type { PlieCtx } from './pathways.service.ts'

// The PLIE's host organisations and partners (with the partner accounts that see their people) and its member
// communes (docs/plie.md « The pathway »).

declareConstraintConflict('plie_organisation_name_key', 'Une structure de ce nom existe déjà.', [
  { field: 'name', message: 'Une structure de ce nom existe déjà.' },
])

type OrganisationInput = z.output<typeof organisationInputSchema>
const values = (i: OrganisationInput): OrganisationValues => ({
  kind: i.kind,
  name: i.name,
  agreement: i.agreement,
  places: i.places,
  active: i.active,
})

const one = async (ctx: PlieCtx, id: string) => {
  const [org] = await listOrganisations(ctx.tx, ctx.actor.structureId, id)
  if (!org) throw notFound('Cette structure')
  return org
}
const exists = (ctx: PlieCtx, id: string) => async () => !!(await findOrganisation(ctx.tx, ctx.actor.structureId, id))

export const organisations = (ctx: PlieCtx) => listOrganisations(ctx.tx, ctx.actor.structureId)

export async function createOrganisation(ctx: PlieCtx, input: OrganisationInput) {
  const v = values(input)
  const id = await insertOrganisation(ctx.tx, ctx.actor.structureId, v)
  await ctx.audit({ action: 'create', entity: 'plie_organisation', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

export async function changeOrganisation(ctx: PlieCtx, id: string, input: OrganisationInput & { version: number }) {
  const v = values(input)
  await ensureUpdated(
    await updateOrganisation(ctx.tx, ctx.actor.structureId, id, input.version, v),
    exists(ctx, id),
    'Cette structure',
  )
  await ctx.audit({ action: 'update', entity: 'plie_organisation', entityId: id, detail: { ...v } })
  return one(ctx, id)
}

/** Links partner accounts (role partner only) to the organisation whose people they see. */
export async function linkOrganisationUsers(ctx: PlieCtx, id: string, input: { userIds: string[]; version: number }) {
  const partners = await partnerAccounts(ctx.tx, ctx.actor.structureId, input.userIds)
  const bad = input.userIds.findIndex((u) => !partners.has(u))
  if (bad >= 0) {
    const message = 'Seul un compte partenaire de la structure peut être rattaché à une structure du PLIE.'
    throw new AppError('validation', message, [{ field: `userIds.${bad}`, message }])
  }
  await ensureUpdated(
    await updateOrganisation(ctx.tx, ctx.actor.structureId, id, input.version, {}),
    exists(ctx, id),
    'Cette structure',
  )
  await replaceOrganisationUsers(ctx.tx, ctx.actor.structureId, id, input.userIds)
  await ctx.audit({
    action: 'update',
    entity: 'plie_organisation_user',
    entityId: id,
    detail: { userIds: input.userIds },
  })
  return one(ctx, id)
}

export const communes = (ctx: PlieCtx) => listCommunes(ctx.tx, ctx.actor.structureId)

/** The member communes, from the official list (an unknown code: 400 naming it). */
export async function setCommunes(ctx: PlieCtx, codes: string[]) {
  const list = codes.map((code, i) => {
    const commune = findCommune(code)
    if (!commune) {
      const message = `${code} n’est pas un code de commune de la liste officielle.`
      throw new AppError('validation', 'Commune inconnue.', [{ field: `communes.${i}`, message }])
    }
    return { code: commune.code, name: commune.name }
  })
  await replaceCommunes(ctx.tx, ctx.actor.structureId, list)
  await ctx.audit({ action: 'update', entity: 'plie_commune', detail: { communes: codes } })
  return listCommunes(ctx.tx, ctx.actor.structureId)
}
