import type { z } from 'zod'
import { can } from '../../../shared/auth/roles.ts'
import { dayIn, frenchDate } from '../../../shared/dates.ts'
import { checkEligibility, type Eligibility, hideSensitivePublics } from '../../../shared/plie/eligibility.ts'
import type { Proposal, proposalInput, proposalListQuery } from '../../../shared/plie/proposals.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Actor, Tx } from '../../deps.ts'
import { AppError, notFound } from '../../errors.ts'
import type { AuditEntry } from '../audit/audit.repository.ts'
import { canSeeSensitive, loadVisiblePerson } from '../persons/person.policy.ts'
import { eligibilityFacts } from './eligibility.repository.ts'
import {
  findSite,
  getProposal,
  insertProposal,
  listProposals,
  lockPerson,
  openPathway,
  type ProposalRead,
  proposalExists,
  setProposalStatus,
  waitingProposal,
} from './proposals.repository.ts'

// Proposals for a PLIE pathway (docs/plie.md, « Entry »): a counsellor proposes a person the file shows, Jalon checks
// the eligibility on the day and keeps it; one proposal awaiting a committee at a time, none while a pathway is open.

export interface PlieCtx {
  tx: Tx
  actor: Actor
  now: Date
  audit(entry: AuditEntry): Promise<void>
}

export const today = (ctx: PlieCtx) => dayIn(ctx.now, ctx.actor.timeZone)

/** The sites whose proposals and committees the actor manages: null for the whole structure (the director). */
export const siteScope = (actor: Actor): string[] | null =>
  can(actor.role, 'personsWholeStructure') ? null : actor.siteIds
export const inScope = (actor: Actor, siteId: string) => {
  const scope = siteScope(actor)
  return scope === null || scope.includes(siteId)
}

/** A read that shows RSA or RQTH among the publics is audited, as the person file's statuses are. */
export async function auditSensitivePublics(ctx: PlieCtx, personId: string, e: Pick<Eligibility, 'publics'>) {
  const fields = [...(e.publics.rsa ? ['statuses.rsa'] : []), ...(e.publics.disabled_worker ? ['statuses.rqth'] : [])]
  if (fields.length)
    await ctx.audit({ action: 'sensitive.read', entity: 'person', entityId: personId, detail: { fields } })
}

/** The eligibility on today of a person the actor sees; RSA and RQTH only for those who may see them. */
const emptyPublics = {
  rsa: false,
  civis_youth: false,
  long_term_unemployed: false,
  disabled_worker: false,
  priority_area: false,
}

/** What the reader may see of a proposal: RSA and RQTH left out for those who may not see them; the read audited. */
export async function shown(ctx: PlieCtx, p: ProposalRead, audit = true): Promise<Proposal> {
  const { person, ...proposal } = p
  if (!canSeeSensitive(ctx.actor, person))
    return { ...proposal, eligibility: hideSensitivePublics(proposal.eligibility) }
  if (audit) await auditSensitivePublics(ctx, proposal.personId, proposal.eligibility)
  return proposal
}

export async function eligibilityToday(ctx: PlieCtx, personId: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const withSensitive = canSeeSensitive(ctx.actor, person)
  const facts = await eligibilityFacts(ctx.tx, ctx.actor.structureId, person, today(ctx), withSensitive)
  const result = checkEligibility(facts)
  await auditSensitivePublics(ctx, person.id, result)
  return { ...(withSensitive ? result : hideSensitivePublics(result)), sensitiveHidden: !withSensitive }
}

export async function propose(ctx: PlieCtx, personId: string, input: z.output<typeof proposalInput>) {
  const { tx, actor } = ctx
  const person = await loadVisiblePerson(tx, actor, personId, ctx.now)
  const site = await findSite(tx, actor.structureId, input.siteId)
  if (!site) throw new AppError('validation', 'Site inconnu.', [{ field: 'siteId', message: 'Ce site n’existe pas.' }])
  const day = today(ctx)
  await lockPerson(tx, actor.structureId, person.id)
  const pathway = await openPathway(tx, actor.structureId, person.id, day)
  if (pathway)
    throw new AppError(
      'conflict',
      `Cette personne a un parcours PLIE ouvert depuis le ${frenchDate(pathway.entry_date)} : une nouvelle entrée ` +
        'ne se propose qu’après sa sortie.',
      [{ field: 'personId', message: 'Parcours PLIE en cours.' }],
    )
  const waiting = await waitingProposal(tx, actor.structureId, person.id)
  if (waiting)
    throw new AppError(
      'conflict',
      `Cette personne a déjà une proposition du ${frenchDate(waiting.proposed_on)} en attente du comité.`,
      [{ field: 'personId', message: 'Proposition déjà en attente.' }],
    )
  const eligibility = checkEligibility(await eligibilityFacts(tx, actor.structureId, person, day))
  if (!eligibility.eligible && !input.override)
    throw new AppError(
      'validation',
      `Cette personne ne remplit pas les règles d’éligibilité : ${eligibility.reasons.join(' ')} ` +
        'Vous pouvez la proposer par dérogation, en motivant la proposition : le comité décidera.',
      [{ field: 'override', message: eligibility.reasons.join(' ') }],
    )
  const overridden = !eligibility.eligible
  const id = await insertProposal(tx, {
    structureId: actor.structureId,
    personId: person.id,
    proposedOn: day,
    proposedBy: actor.userId,
    siteId: site.id,
    motivation: input.motivation,
    eligibility: { ...eligibility, overridden },
  })
  await ctx.audit({
    action: 'plie.proposal.create',
    entity: 'plie_proposal',
    entityId: id,
    detail: { personId: person.id, siteId: site.id, eligible: eligibility.eligible, overridden },
  })
  const proposal = await shown(ctx, (await getProposal(tx, actor.structureId, id))!)
  return {
    ...proposal,
    notice: overridden
      ? 'Personne proposée par dérogation : elle ne remplit pas les règles d’éligibilité, le comité décidera.'
      : null,
  }
}

export async function listForActor(ctx: PlieCtx, q: z.output<typeof proposalListQuery>) {
  const list = await listProposals(ctx.tx, ctx.actor.structureId, { ...q, siteIds: siteScope(ctx.actor) })
  const items: Proposal[] = []
  for (const p of list.items) items.push(await shown(ctx, p))
  return { ...list, items }
}

/** A person's proposals, for those who see the file. */
export async function listForPerson(ctx: PlieCtx, personId: string) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const list = await listProposals(ctx.tx, ctx.actor.structureId, { personId: person.id, siteIds: null })
  const items: Proposal[] = []
  for (const p of list.items) items.push(await shown(ctx, p, false))
  // one line for the file's list, naming every sensitive public it shows
  const publics = (k: 'rsa' | 'disabled_worker') => items.some((i) => i.eligibility.publics[k])
  await auditSensitivePublics(ctx, person.id, {
    publics: { ...emptyPublics, rsa: publics('rsa'), disabled_worker: publics('disabled_worker') },
  })
  return { ...list, items }
}

/**
 * Withdraws a proposal awaiting a committee. Who may: those who see the person's file. A proposal on an agenda is
 * taken off it first (the case is the committee's).
 */
export async function withdraw(ctx: PlieCtx, id: string, version: number) {
  const { tx, actor } = ctx
  const proposal = await getProposal(tx, actor.structureId, id)
  if (!proposal) throw notFound('Cette proposition')
  await loadVisiblePerson(tx, actor, proposal.personId, ctx.now).catch(() => {
    throw notFound('Cette proposition')
  })
  if (proposal.status !== 'pending' && proposal.status !== 'deferred')
    throw new AppError('conflict', 'Seule une proposition en attente du comité peut être retirée.')
  if (proposal.committeeId)
    throw new AppError(
      'conflict',
      'Cette proposition est à l’ordre du jour d’un comité : retirez-la de l’ordre du jour avant de la retirer.',
    )
  await ensureUpdated(
    await setProposalStatus(tx, actor.structureId, id, 'withdrawn', version),
    () => proposalExists(tx, actor.structureId, id),
    'Cette proposition',
  )
  await ctx.audit({
    action: 'plie.proposal.withdraw',
    entity: 'plie_proposal',
    entityId: id,
    detail: { personId: proposal.personId },
  })
  return shown(ctx, (await getProposal(tx, actor.structureId, id))!)
}
