import type { Candidate, Offer, OfferSummary } from '../../../shared/employment/offers.schema.ts'
import type { CandidateRow } from './candidates.repository.ts'
import type { CandidateStatus } from './employment.tables.ts'
import type { OfferRow, OfferSummaryRow } from './offers.repository.ts'

// Rows → the shapes of offers.schema.ts (docs/employment/offers.md « Responses »).

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString())

export function presentSummary(r: OfferSummaryRow): OfferSummary {
  return {
    id: r.id,
    employerId: r.employer_id,
    employerName: r.employer_name,
    title: r.title,
    romeCode: r.rome_code,
    contractKind: r.contract_kind,
    durationMonths: r.duration_months,
    positions: r.positions,
    communeName: r.commune_name,
    startsOn: r.starts_on,
    closesOn: r.closes_on,
    status: r.status,
    officerName: r.officer_name,
    candidateCounts: r.candidate_counts,
    createdAt: iso(r.created_at),
  }
}

export function presentCandidate(r: CandidateRow): Candidate {
  return {
    id: r.id,
    offerId: r.offer_id,
    person: {
      id: r.person_id,
      firstName: r.first_name,
      lastName: r.last_name,
      siteId: r.site_id,
      referentName: r.referent_name,
    },
    status: r.status,
    refusalReason: r.refusal_reason,
    note: r.note,
    positionedByName: r.positioned_by_name,
    positionedAt: iso(r.positioned_at),
    interviewOn: r.interview_on,
    placementId: r.placement_id,
    events: r.events.map((e) => ({
      at: iso(e.at),
      actorName: e.display_name,
      fromStatus: e.from_status as CandidateStatus | null,
      toStatus: e.to_status as CandidateStatus,
      note: e.note,
    })),
    version: r.version,
  }
}

export function presentOffer(r: OfferRow, candidates: CandidateRow[], total: number): Offer {
  return {
    ...presentSummary(r),
    contactId: r.contact_id,
    contactName: r.contact_name,
    hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
    place: r.place,
    postcode: r.postcode,
    communeCode: r.commune_code,
    level2019: r.level_2019,
    drivingLicenceRequired: r.driving_licence_required,
    experienceMonths: r.experience_months,
    requirements: r.requirements,
    description: r.description,
    siteIds: r.site_ids,
    candidates: candidates.map(presentCandidate),
    otherCandidates: total - candidates.length,
    version: r.version,
  }
}
