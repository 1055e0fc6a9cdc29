import type { z } from 'zod'
import type { Room, roomInputSchema, roomUpdateSchema } from '../../../shared/agenda/messages.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { declareConstraintConflict } from '../../errors.ts'
import type { AgendaCtx } from './appointments.service.ts'
import { ensureSiteOfStructure } from './checks.repository.ts'
import { insertRoom, listRooms, roomExists, updateRoom } from './rooms.repository.ts'

declareConstraintConflict('agenda_room_name_key', 'Une salle de ce nom existe déjà sur ce site.', [
  { field: 'name', message: 'Nom déjà pris sur ce site.' },
])

export async function rooms(ctx: Pick<AgendaCtx, 'tx' | 'actor'>): Promise<Room[]> {
  return (await listRooms(ctx.tx, ctx.actor.structureId)).map((r) => ({
    id: r.id,
    siteId: r.site_id,
    siteName: r.site_name,
    name: r.name,
    capacity: r.capacity,
    active: r.active,
    version: r.version,
  }))
}

const values = (i: z.output<typeof roomInputSchema>) => ({
  site_id: i.siteId,
  name: i.name,
  capacity: i.capacity,
  active: i.active,
})

export async function createRoom(ctx: AgendaCtx, input: z.output<typeof roomInputSchema>) {
  await ensureSiteOfStructure(ctx.tx, ctx.actor.structureId, input.siteId)
  const id = await insertRoom(ctx.tx, ctx.actor.structureId, values(input))
  await ctx.audit({ action: 'create', entity: 'agenda_room', entityId: id, detail: values(input) })
  return (await rooms(ctx)).find((r) => r.id === id)!
}

export async function changeRoom(ctx: AgendaCtx, id: string, input: z.output<typeof roomUpdateSchema>) {
  await ensureSiteOfStructure(ctx.tx, ctx.actor.structureId, input.siteId)
  await ensureUpdated(
    await updateRoom(ctx.tx, ctx.actor.structureId, id, input.version, values(input)),
    () => roomExists(ctx.tx, ctx.actor.structureId, id),
    'Cette salle',
  )
  await ctx.audit({ action: 'update', entity: 'agenda_room', entityId: id, detail: values(input) })
  return (await rooms(ctx)).find((r) => r.id === id)!
}
