import { sql } from 'kysely'
import { checkEligibility } from '../../../../shared/plie/eligibility.ts'
import { type BulkWriter, mapRows } from '../../../demo/bulk.ts'
import { hashString, Random } from '../../../demo/random.ts'
import { isoDay } from '../../../demo/year2009/days.ts'
import type { RowCounts } from '../../../demo/year2009/insert.ts'
import type { Tx } from '../../../deps.ts'
import type { PliePathway, PliePlan } from './plan-types.ts'

// The committees of 2009 in the database: the committee, who sat (two referents and France Travail's predecessor),
// one entry case per 2009 entry with its proposal (accepted, with the eligibility found on its day) and decision.

export interface CommitteeIds {
  /** the pathway's person, commune, site, referent and enrolment */
  personOf: (w: PliePathway) => string
  communeOf: (w: PliePathway) => string
  siteOf: (w: PliePathway) => string
  zusOf: (w: PliePathway) => boolean
  staffId: string[]
  enrolmentId: string[]
  siteId: (code: string) => string
  uuid: () => string
}

/** writes the committees, their members, proposals and cases; returns each decided pathway's case id */
export async function writeCommittees(
  tx: Tx,
  bulk: BulkWriter,
  s: string,
  plan: PliePlan,
  ids: CommitteeIds,
  counts: RowCounts,
): Promise<Map<number, string>> {
  const r = new Random(hashString('jalon-plie-2009-committees'))
  const committeeId = plan.committees.map(() => ids.uuid())
  const members = plan.committees.map((c) => {
    const sitting = [...new Set(c.cases.map((i) => plan.pathways[i].referent))].slice(0, 2)
    return sitting
  })
  counts.plie_committee = await bulk.write(
    'plie_committee',
    plan.committees.map((c, k) => ({
      structure_id: s,
      id: committeeId[k],
      site_id: ids.siteId(c.site),
      date: isoDay(c.date),
      status: 'held' as const,
      note: null,
      external_id: `PLIE2009-COM-${String(k + 1).padStart(3, '0')}`,
      created_by: ids.staffId[members[k][0]],
    })),
  )
  counts.plie_committee_member = await bulk.write(
    'plie_committee_member',
    (function* () {
      for (const [k, sitting] of members.entries()) {
        for (const [position, m] of sitting.entries())
          yield {
            structure_id: s,
            committee_id: committeeId[k],
            position,
            user_id: ids.staffId[m],
            name: plan.staff[m].displayName,
            organisation: null,
            present: true,
          }
        yield {
          structure_id: s,
          committee_id: committeeId[k],
          position: sitting.length,
          user_id: null,
          name: 'Représentant de Pôle emploi',
          organisation: 'Pôle emploi',
          present: r.chance(0.9),
        }
      }
    })(),
  )
  // proposals: the eligibility is jsonb, written by Kysely as the proposals' repository does (the bulk writer's CSV
  // takes no objects)
  const decided = plan.committees.flatMap((c, k) => c.cases.map((i, position) => ({ i, k, position })))
  const proposalId = decided.map(() => ids.uuid())
  const proposals = decided.map(({ i, k }, n) => {
    const w = plan.pathways[i]
    const on = isoDay(plan.committees[k].date - r.int(7, 35))
    // what the eligibility check found on the proposal's day (the member communes: every commune of the sites)
    const eligibility = checkEligibility({
      on,
      communeCode: ids.communeOf(w),
      memberCommunes: [ids.communeOf(w)],
      statuses: [
        ...(w.rsa ? ['rsa'] : []),
        ...(w.longTermUnemployed ? ['long_term_unemployed'] : []),
        ...(w.disabledWorker ? ['rqth'] : []),
      ],
      openProgrammeTypes: [...(w.youth !== null ? ['mission_locale'] : []), ...(w.civis ? ['civis'] : [])],
      priorityArea: ids.zusOf(w) ? 'zus' : null,
    })
    return {
      structure_id: s,
      id: proposalId[n],
      person_id: ids.personOf(w),
      proposed_on: on,
      proposed_by: ids.staffId[w.referent],
      site_id: ids.siteOf(w),
      motivation: null,
      status: 'accepted' as const,
      eligibility: sql<Record<string, unknown>>`${JSON.stringify({ ...eligibility, overridden: false })}::jsonb`,
      external_id: `PLIE2009-PROP-${String(n + 1).padStart(5, '0')}`,
    }
  })
  for (let k = 0; k < proposals.length; k += 500)
    await tx
      .insertInto('plie_proposal')
      .values(proposals.slice(k, k + 500))
      .execute()
  counts.plie_proposal = proposals.length
  const caseId = new Map<number, string>()
  counts.plie_committee_case = await bulk.write(
    'plie_committee_case',
    mapRows(decided.entries(), ([n, { i, k, position }]) => {
      const w = plan.pathways[i]
      const id = ids.uuid()
      caseId.set(i, id)
      return {
        structure_id: s,
        id,
        committee_id: committeeId[k],
        position,
        person_id: ids.personOf(w),
        kind: 'entry' as const,
        proposal_id: proposalId[n],
        enrolment_id: ids.enrolmentId[i],
        decision: 'accepted' as const,
        refusal_reason: null,
        minute: 'Entrée validée : parcours ouvert, référent désigné.',
        referent_id: ids.staffId[w.referent],
        decided_by: ids.staffId[members[k][0]],
      }
    }),
  )
  return caseId
}
