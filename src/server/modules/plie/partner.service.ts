import { partnerPeople } from './organisations.repository.ts'
import type { PlieCtx } from './pathways.service.ts'

// What a partner account sees (docs/plie.md « The pathway »): only the persons with a step hosted by, or an exit
// credited to, the organisation(s) it is linked to — their name, those steps, that exit. Nothing else of the file
// (no welfare, disability or justice status, no other step), so nothing sensitive is read.

export const partnerView = (ctx: PlieCtx) => partnerPeople(ctx.tx, ctx.actor.structureId, ctx.actor.userId)
