import type { z } from 'zod'
import { frenchDate } from '../../../shared/dates.ts'
import type {
  CaseInput,
  Committee,
  committeeInput,
  committeeListQuery,
  membersInput,
} from '../../../shared/plie/committees.schema.ts'
import { MAX_CASES } from '../../../shared/plie/committees.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError, notFound } from '../../errors.ts'
import { loadVisiblePerson } from '../persons/person.policy.ts'
import {
  deleteCase,
  getCase,
  insertCase,
  listCases,
  openPlieEnrolment,
  undecidedCase,
} from './committee-cases.repository.ts'
import {
  bumpCommittee,
  committeeExists,
  getCommittee,
  insertCommittee,
  listCommittees,
  listMembers,
  replaceMembers,
  usersOfStructure,
} from './committees.repository.ts'
import { findSite, getProposal } from './proposals.repository.ts'
import { inScope, type PlieCtx, siteScope } from './proposals.service.ts'

// PLIE committees (docs/plie.md, « Entry »): a site's committee on a date, managed by the counsellors of that site (the
// director: every site); its members; its agenda built from the site's waiting proposals and the open pathways to
// review. Decisions: committees.decision.ts. Another site's committee answers 404, as if it did not exist.

/** A committee the actor manages; another site's is 404. */
export async function loadCommittee(ctx: PlieCtx, id: string) {
  const c = await getCommittee(ctx.tx, ctx.actor.structureId, id)
  if (!c || !inScope(ctx.actor, c.siteId)) throw notFound('Ce comité')
  return c
}

export function requirePlanned(c: { status: string; date: string }) {
  if (c.status === 'held')
    throw new AppError('conflict', `Le comité du ${frenchDate(c.date)} est clos : son ordre du jour ne change plus.`)
}

export async function readCommittee(ctx: PlieCtx, id: string): Promise<Committee> {
  const c = await loadCommittee(ctx, id)
  const [members, cases] = await Promise.all([
    listMembers(ctx.tx, ctx.actor.structureId, c.id),
    listCases(ctx.tx, ctx.actor.structureId, c.id),
  ])
  return { ...c, members, agenda: cases.map(({ proposalStatus: _, ...k }) => k) }
}

export async function createCommittee(ctx: PlieCtx, input: z.output<typeof committeeInput>) {
  const { tx, actor } = ctx
  const site = await findSite(tx, actor.structureId, input.siteId)
  if (!site) throw new AppError('validation', 'Site inconnu.', [{ field: 'siteId', message: 'Ce site n’existe pas.' }])
  if (!inScope(actor, site.id))
    throw new AppError('forbidden', 'Vous ne gérez pas les comités de ce site.', [
      { field: 'siteId', message: 'Site hors de vos sites.' },
    ])
  const id = await insertCommittee(tx, {
    structureId: actor.structureId,
    siteId: site.id,
    date: input.date,
    note: input.note,
    createdBy: actor.userId,
  })
  await ctx.audit({ action: 'plie.committee.create', entity: 'plie_committee', entityId: id, detail: { ...input } })
  return readCommittee(ctx, id)
}

export function listForActor(ctx: PlieCtx, q: z.output<typeof committeeListQuery>) {
  return listCommittees(ctx.tx, ctx.actor.structureId, { ...q, siteIds: siteScope(ctx.actor) })
}

export async function setMembers(ctx: PlieCtx, id: string, input: z.output<typeof membersInput>) {
  const { tx, actor } = ctx
  const c = await loadCommittee(ctx, id)
  requirePlanned(c)
  const userIds = input.members.flatMap((m) => (m.userId ? [m.userId] : []))
  const users = new Map((await usersOfStructure(tx, actor.structureId, userIds)).map((u) => [u.id, u.display_name]))
  const members = input.members.map((m, i) => {
    if (m.userId && !users.has(m.userId))
      throw new AppError('validation', 'Utilisateur inconnu.', [
        { field: `members.${i}.userId`, message: 'Cet utilisateur n’existe pas.' },
      ])
    return {
      userId: m.userId,
      name: m.userId ? users.get(m.userId)! : m.name!,
      organisation: m.organisation,
      present: m.present,
    }
  })
  if (new Set(userIds).size !== userIds.length)
    throw new AppError('validation', 'Un membre figure deux fois.', [
      { field: 'members', message: 'Un utilisateur figure deux fois.' },
    ])
  await ensureUpdated(
    await bumpCommittee(tx, actor.structureId, c.id, input.version),
    () => committeeExists(tx, actor.structureId, c.id),
    'Ce comité',
  )
  await replaceMembers(tx, actor.structureId, c.id, members)
  await ctx.audit({
    action: 'plie.committee.members',
    entity: 'plie_committee',
    entityId: c.id,
    detail: { members: members.length, present: members.filter((m) => m.present).length },
  })
  return readCommittee(ctx, c.id)
}

/** Adds an entry case (a waiting proposal of the committee's site) or a review case (a pathway open that day). */
export async function addCase(ctx: PlieCtx, id: string, input: CaseInput) {
  const { tx, actor } = ctx
  const c = await loadCommittee(ctx, id)
  requirePlanned(c)
  if (c.cases >= MAX_CASES)
    throw new AppError('conflict', `L’ordre du jour compte déjà ${MAX_CASES} dossiers.`, [
      { field: 'proposalId', message: 'Ordre du jour complet.' },
    ])
  let target: { personId: string; kind: 'entry' | 'review'; proposalId: string | null; enrolmentId: string | null }
  if (input.proposalId) {
    const p = await getProposal(tx, actor.structureId, input.proposalId)
    if (!p || !inScope(actor, p.siteId)) throw notFound('Cette proposition')
    if (p.siteId !== c.siteId)
      throw new AppError('conflict', `Cette proposition est adressée au comité du site ${p.siteName}.`, [
        { field: 'proposalId', message: 'Proposition d’un autre site.' },
      ])
    if (p.status !== 'pending' && p.status !== 'deferred')
      throw new AppError('conflict', 'Seule une proposition en attente du comité peut être inscrite.', [
        { field: 'proposalId', message: 'Proposition déjà tranchée ou retirée.' },
      ])
    if (await undecidedCase(tx, actor.structureId, { proposalId: p.id }))
      throw new AppError('conflict', 'Cette proposition est déjà à l’ordre du jour d’un comité.', [
        { field: 'proposalId', message: 'Déjà inscrite.' },
      ])
    target = { personId: p.personId, kind: 'entry', proposalId: p.id, enrolmentId: null }
  } else {
    const enrolmentId = input.enrolmentId!
    const e = await openPlieEnrolment(tx, actor.structureId, enrolmentId, c.date)
    if (!e) throw notFound('Ce parcours PLIE ouvert à la date du comité')
    await loadVisiblePerson(tx, actor, e.person_id, ctx.now)
    if (await undecidedCase(tx, actor.structureId, { enrolmentId: e.id, committeeId: c.id }))
      throw new AppError('conflict', 'Ce parcours est déjà à l’ordre du jour de ce comité.', [
        { field: 'enrolmentId', message: 'Déjà inscrit.' },
      ])
    target = { personId: e.person_id, kind: 'review', proposalId: null, enrolmentId: e.id }
  }
  const caseId = await insertCase(tx, { structureId: actor.structureId, committeeId: c.id, ...target })
  await ctx.audit({
    action: 'plie.committee.case.add',
    entity: 'plie_committee_case',
    entityId: caseId,
    detail: { committeeId: c.id, personId: target.personId, kind: target.kind },
  })
  return readCommittee(ctx, c.id)
}

/** Takes an undecided case off the agenda of a committee not yet held. */
export async function removeCase(ctx: PlieCtx, id: string, caseId: string) {
  const c = await loadCommittee(ctx, id)
  requirePlanned(c)
  const k = await getCase(ctx.tx, ctx.actor.structureId, c.id, caseId)
  if (!k) throw notFound('Ce dossier')
  if (k.decision || !(await deleteCase(ctx.tx, ctx.actor.structureId, k.id)))
    throw new AppError('conflict', 'Ce dossier a reçu une décision : il reste à l’ordre du jour.')
  await ctx.audit({
    action: 'plie.committee.case.remove',
    entity: 'plie_committee_case',
    entityId: k.id,
    detail: { committeeId: c.id, personId: k.personId, kind: k.kind },
  })
}

/** Closes the committee once every case is decided: its decisions are then final. */
export async function markHeld(ctx: PlieCtx, id: string, version: number) {
  const { tx, actor } = ctx
  const c = await loadCommittee(ctx, id)
  requirePlanned(c)
  if (c.decided < c.cases)
    throw new AppError('conflict', `${c.cases - c.decided} dossier(s) sans décision : décidez-les ou retirez-les.`)
  await ensureUpdated(
    await bumpCommittee(tx, actor.structureId, c.id, version, 'held'),
    () => committeeExists(tx, actor.structureId, c.id),
    'Ce comité',
  )
  await ctx.audit({
    action: 'plie.committee.held',
    entity: 'plie_committee',
    entityId: c.id,
    detail: { cases: c.cases },
  })
  return readCommittee(ctx, c.id)
}
