import type { z } from 'zod'
import type {
  Commission,
  commissionDecisionInput,
  commissionInput,
  commissionListQuery,
  membersInput,
} from '../../../shared/aids/commissions.schema.ts'
import { MAX_CASES } from '../../../shared/aids/commissions.schema.ts'
import { frenchDate } from '../../../shared/dates.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import { type AidsCtx, conflict, invalid, todayOf } from './aids-ctx.ts'
import {
  attachRequests,
  bumpCommission,
  commissionExists,
  detachRequest,
  findFund,
  findRequest,
  getCommission,
  insertCommission,
  listAgenda,
  listCandidates,
  listCommissions,
  listMembers,
  replaceMembers,
  takesCommission,
  usersOfStructure,
} from './commissions.repository.ts'
import { decideRequest } from './decisions.service.ts'

// The aid commissions (docs/aids.md « Commissions and the reinforced aid »): a commission of a fund whose requests a
// commission decides (all, or the reinforced track's), on a date; its members; its agenda, the complete requests put
// on it; each decided with its reason through decideRequest (decisions.service.ts) with the commission's id; held once
// all are decided. The aid officer manages them, the director reads; another structure's is 404.

const what = 'Cette commission'

export async function loadCommission(ctx: AidsCtx, id: string) {
  const c = await getCommission(ctx.tx, ctx.actor.structureId, id)
  if (!c) throw notFound(what)
  return c
}

function requirePlanned(c: { status: string; date: string }) {
  if (c.status === 'held')
    throw new AppError(
      'conflict',
      `La commission du ${frenchDate(c.date)} est close : son ordre du jour ne change plus.`,
    )
}

export async function readCommission(ctx: AidsCtx, id: string): Promise<Commission> {
  const c = await loadCommission(ctx, id)
  const [members, agenda] = await Promise.all([
    listMembers(ctx.tx, ctx.actor.structureId, c.id),
    listAgenda(ctx.tx, ctx.actor.structureId, c.id),
  ])
  return { ...c, members, agenda }
}

export async function createCommission(ctx: AidsCtx, input: z.output<typeof commissionInput>) {
  const { tx, actor } = ctx
  const fund = await findFund(tx, actor.structureId, input.fundId)
  if (!fund) throw invalid('fundId', 'Ce fonds n’existe pas.')
  if (!takesCommission(fund))
    throw invalid('fundId', `Les demandes du ${fund.code} sont décidées par le chargé des aides, sans commission.`)
  const id = await insertCommission(tx, {
    structureId: actor.structureId,
    fundId: fund.id,
    date: input.date,
    note: input.note,
    createdBy: actor.userId,
  })
  const put = input.fromPending
    ? await attachRequests(
        tx,
        actor.structureId,
        id,
        (await listCandidates(tx, actor.structureId, fund, input.date, MAX_CASES)).map((k) => k.requestId),
      )
    : []
  await ctx.audit({
    action: 'aids.commission.create',
    entity: 'aid_commission',
    entityId: id,
    detail: { fundId: fund.id, date: input.date, note: input.note, requests: put },
  })
  return readCommission(ctx, id)
}

export const listForActor = (ctx: AidsCtx, q: z.output<typeof commissionListQuery>) =>
  listCommissions(ctx.tx, ctx.actor.structureId, q)

/** The complete requests this commission could take (not on an agenda yet). */
export async function candidates(ctx: AidsCtx, id: string) {
  const c = await loadCommission(ctx, id)
  const fund = (await findFund(ctx.tx, ctx.actor.structureId, c.fundId))!
  return listCandidates(ctx.tx, ctx.actor.structureId, fund, c.date, MAX_CASES)
}

export async function setMembers(ctx: AidsCtx, id: string, input: z.output<typeof membersInput>) {
  const { tx, actor } = ctx
  const c = await loadCommission(ctx, id)
  requirePlanned(c)
  const userIds = input.members.flatMap((m) => (m.userId ? [m.userId] : []))
  const users = new Map((await usersOfStructure(tx, actor.structureId, userIds)).map((u) => [u.id, u.display_name]))
  const members = input.members.map((m, i) => {
    if (m.userId && !users.has(m.userId)) throw invalid(`members.${i}.userId`, 'Cet utilisateur n’existe pas.')
    return {
      userId: m.userId,
      name: m.userId ? users.get(m.userId)! : m.name!,
      organisation: m.organisation,
      present: m.present,
    }
  })
  if (new Set(userIds).size !== userIds.length) throw invalid('members', 'Un utilisateur figure deux fois.')
  await ensureUpdated(
    await bumpCommission(tx, actor.structureId, c.id, input.version),
    () => commissionExists(tx, actor.structureId, c.id),
    what,
  )
  await replaceMembers(tx, actor.structureId, c.id, members)
  await ctx.audit({
    action: 'aids.commission.members',
    entity: 'aid_commission',
    entityId: c.id,
    detail: { members: members.length, present: members.filter((m) => m.present).length },
  })
  return readCommission(ctx, c.id)
}

/** Puts a complete request of the commission's fund (all its requests, or its reinforced ones) on the agenda. */
export async function addCase(ctx: AidsCtx, id: string, requestId: string) {
  const { tx, actor } = ctx
  const c = await loadCommission(ctx, id)
  requirePlanned(c)
  if (c.cases >= MAX_CASES) throw conflict('requestId', `L’ordre du jour compte déjà ${MAX_CASES} demandes.`)
  const r = await findRequest(tx, actor.structureId, requestId)
  if (!r) throw notFound('Cette demande d’aide')
  const fund = (await findFund(tx, actor.structureId, c.fundId))!
  if (r.fund_id !== c.fundId) throw conflict('requestId', `Cette demande relève d’un autre fonds que le ${fund.code}.`)
  if (fund.decided_by !== 'commission' && r.track !== 'reinforced')
    throw conflict('requestId', 'Seule une aide renforcée de ce fonds passe en commission.')
  if (r.commission_id === c.id) throw conflict('requestId', 'Cette demande est déjà à l’ordre du jour.')
  if (r.commission_id) throw conflict('requestId', 'Cette demande est à l’ordre du jour d’une autre commission.')
  if (r.status !== 'complete')
    throw conflict(
      'requestId',
      r.status === 'submitted' ? 'Cette demande est incomplète.' : 'Cette demande est déjà décidée ou annulée.',
    )
  // conditional: a request taken meanwhile by another commission (or decided) is not taken twice
  if (!(await attachRequests(tx, actor.structureId, c.id, [r.id])).length)
    throw conflict('requestId', 'Cette demande vient d’être inscrite ailleurs ou décidée.')
  await ctx.audit({
    action: 'aids.commission.case.add',
    entity: 'aid_request',
    entityId: r.id,
    detail: { commissionId: c.id, personId: r.person_id },
  })
  return readCommission(ctx, c.id)
}

/** Takes an undecided request off the agenda of a commission not yet held. */
export async function removeCase(ctx: AidsCtx, id: string, requestId: string) {
  const c = await loadCommission(ctx, id)
  requirePlanned(c)
  const r = await findRequest(ctx.tx, ctx.actor.structureId, requestId)
  if (!r || r.commission_id !== c.id) throw notFound('Cette demande à l’ordre du jour')
  if (!(await detachRequest(ctx.tx, ctx.actor.structureId, c.id, r.id)))
    throw new AppError('conflict', 'Cette demande a reçu une décision : elle reste à l’ordre du jour.')
  await ctx.audit({
    action: 'aids.commission.case.remove',
    entity: 'aid_request',
    entityId: r.id,
    detail: { commissionId: c.id, personId: r.person_id },
  })
}

/** The commission decides a request of its agenda (on or after its date), with its reason. */
export async function decideCase(
  ctx: AidsCtx,
  id: string,
  requestId: string,
  input: z.output<typeof commissionDecisionInput>,
) {
  const c = await loadCommission(ctx, id)
  requirePlanned(c)
  const r = await findRequest(ctx.tx, ctx.actor.structureId, requestId)
  if (!r || r.commission_id !== c.id) throw notFound('Cette demande à l’ordre du jour')
  if (c.date > todayOf(ctx))
    throw conflict('decision', `La commission se tient le ${frenchDate(c.date)} : elle décide ce jour-là.`)
  await decideRequest(ctx, r.id, input, { commissionId: c.id })
  return readCommission(ctx, c.id)
}

/** Closes the commission once every request on its agenda is decided. */
export async function markHeld(ctx: AidsCtx, id: string, version: number) {
  const { tx, actor } = ctx
  const c = await loadCommission(ctx, id)
  requirePlanned(c)
  if (c.decided < c.cases)
    throw new AppError('conflict', `${c.cases - c.decided} demande(s) sans décision : décidez-les ou retirez-les.`)
  if (c.date > todayOf(ctx)) throw new AppError('conflict', `La commission se tient le ${frenchDate(c.date)}.`)
  await ensureUpdated(
    await bumpCommission(tx, actor.structureId, c.id, version, 'held'),
    () => commissionExists(tx, actor.structureId, c.id),
    what,
  )
  await ctx.audit({ action: 'aids.commission.held', entity: 'aid_commission', entityId: c.id, detail: { ...c } })
  return readCommission(ctx, c.id)
}
