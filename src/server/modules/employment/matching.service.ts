import { sql } from 'kysely'
import { frenchDate } from '../../../shared/dates.ts'
import type { Match } from '../../../shared/employment/offers.schema.ts'
import { romeDomain, romeLabel } from '../../../shared/employment/rome.ts'
import { type SituationKind, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import { drivingLicences } from '../../../shared/nomenclatures/person.ts'
import { notFound } from '../../errors.ts'
import { type EmploymentCtx, todayOf } from './employment-ctx.ts'
import { employmentPersons, findOfferRow } from './offers.repository.ts'

// The matching list of an offer (docs/employment/offers.md « Matching »): the people with an active job project on
// the offer's ROME fiche (or its domain), living in the offer's department, whose level and licence fit and who have
// no current job; the counsellor's list holds only the people the person policy lets them see.

/** the score of a project on the offer's very fiche, and on a fiche of the same domain (letter + 2 digits) */
export const MATCH_SCORES = { exactRome: 100, sameDomain: 50, sameCommune: 20, sameDepartment: 10 } as const

/** the situation kinds that are a job: a person in one of them today is not available */
export const employmentSituationKinds = (Object.keys(situationKinds) as SituationKind[]).filter((k) =>
  ['employment', 'work_study', 'integration_contract'].includes(situationKinds[k].group),
)

/** the department of a place: the postcode's first 2 characters (the commune code's when no postcode) */
export const departmentOf = (postcode: string | null, communeCode: string | null) => {
  const code = postcode?.trim() || communeCode?.trim()
  if (!code || code.length < 2) return null
  const d = code.slice(0, 2)
  // Corsica: postcodes 20xxx, commune codes 2A/2B
  return d === '2A' || d === '2B' ? '20' : d
}

export async function matchOffer(ctx: EmploymentCtx, offerId: string): Promise<{ items: Match[] }> {
  const offer = await findOfferRow(ctx.tx, ctx.actor, offerId)
  if (!offer) throw notFound('Cette offre')
  if (!offer.rome_code) return { items: [] }
  const today = todayOf(ctx)
  const s = ctx.actor.structureId
  const domain = romeDomain(offer.rome_code)
  const rows = await ctx.tx
    .selectFrom('person')
    .innerJoin('job_project as j', (j) =>
      j.onRef('j.structure_id', '=', 'person.structure_id').onRef('j.person_id', '=', 'person.id'),
    )
    .leftJoin('app_user as r', 'r.id', 'person.referent_id')
    .select([
      'person.id',
      'person.first_name',
      'person.last_name',
      'person.site_id',
      'r.display_name as referent_name',
      'person.postcode',
      'person.commune_code',
      'person.commune_name',
      'j.rome_code',
      'j.available_from',
    ])
    .where('person.structure_id', '=', s)
    .where(employmentPersons(ctx.actor, today))
    .where('j.active', '=', true)
    .where(sql<boolean>`left(j.rome_code, 3) = ${domain}`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('situation as st')
            .select('st.id')
            .whereRef('st.person_id', '=', 'person.id')
            .where('st.kind', 'in', employmentSituationKinds)
            .where('st.start_date', '<=', today)
            .where((w) => w.or([w('st.end_date', 'is', null), w('st.end_date', '>=', today)])),
        ),
      ),
    )
    .execute()
  if (!rows.length) return { items: [] }
  const personIds = [...new Set(rows.map((r) => r.id))]
  const attributes = await ctx.tx
    .selectFrom('person_attribute')
    .distinctOn(['person_id', 'attribute'])
    .select(['person_id', 'attribute', 'value', 'level_2019'])
    .where('structure_id', '=', s)
    .where('person_id', 'in', personIds)
    .where('attribute', 'in', ['education_level', 'driving_licence'])
    .where('valid_from', '<=', today)
    .orderBy('person_id')
    .orderBy('attribute')
    .orderBy('valid_from', 'desc')
    .execute()
  const positioned = new Set(
    (
      await ctx.tx
        .selectFrom('offer_candidate')
        .select('person_id')
        .where('structure_id', '=', s)
        .where('offer_id', '=', offerId)
        .execute()
    ).map((c) => c.person_id),
  )
  const attributeOf = (personId: string, attribute: string) =>
    attributes.find((a) => a.person_id === personId && a.attribute === attribute)
  const offerDepartment = departmentOf(offer.postcode, offer.commune_code)
  const best = new Map<string, Match>()
  for (const r of rows) {
    const reasons: string[] = []
    const warnings: string[] = []
    const exact = r.rome_code === offer.rome_code
    let score = exact ? MATCH_SCORES.exactRome : MATCH_SCORES.sameDomain
    reasons.push(exact ? `Projet ${r.rome_code}` : `Même domaine : projet ${r.rome_code} (${romeLabel(r.rome_code)})`)
    const department = departmentOf(r.postcode, r.commune_code)
    if (offerDepartment) {
      if (department && department !== offerDepartment) continue
      if (!department) warnings.push('Commune de la personne non renseignée')
      else if (offer.commune_code && r.commune_code === offer.commune_code) {
        score += MATCH_SCORES.sameCommune
        reasons.push('Même commune')
      } else {
        score += MATCH_SCORES.sameDepartment
        reasons.push(`Même département (${department})`)
      }
    }
    if (offer.level_2019 !== null) {
      const level = attributeOf(r.id, 'education_level')?.level_2019 ?? null
      if (level === null) warnings.push(`Niveau non renseigné (niveau ${offer.level_2019} demandé)`)
      else if (level < offer.level_2019) continue
      else reasons.push(`Niveau ${level}`)
    }
    if (offer.driving_licence_required) {
      const licence = attributeOf(r.id, 'driving_licence')?.value ?? 'unknown'
      if (licence === 'none' || licence === 'in_progress') continue
      if (licence === 'holder') reasons.push('Permis B')
      else warnings.push(`Permis : ${drivingLicences.labels.unknown}`)
    }
    if (r.available_from && offer.starts_on && r.available_from > offer.starts_on)
      warnings.push(`Disponible à partir du ${frenchDate(r.available_from)}`)
    const match: Match = {
      person: {
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        siteId: r.site_id,
        referentName: r.referent_name,
      },
      score,
      projectRomeCode: r.rome_code,
      reasons,
      warnings,
      communeName: r.commune_name,
      alreadyPositioned: positioned.has(r.id),
    }
    const known = best.get(r.id)
    if (!known || known.score < score) best.set(r.id, match)
  }
  const items = [...best.values()].sort(
    (a, b) =>
      b.score - a.score ||
      a.person.lastName.localeCompare(b.person.lastName, 'fr') ||
      a.person.firstName.localeCompare(b.person.firstName, 'fr') ||
      a.person.id.localeCompare(b.person.id),
  )
  return { items }
}
