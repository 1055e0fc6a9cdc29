import { sql } from 'kysely'
import type { Db } from '../db/database.ts'
import type { AidFundKind, AidPaymentMode, AidRequestStatus, AidTrack } from '../modules/aids/aids.tables.ts'
import type { Fixture } from './builders.ts'

// Financial aids' test data written straight to the database (the API is what the tests exercise): a fund with its
// envelope for a year, a request in a given state, a payment.
let seq = 0
const json = <T>(v: T[]) => sql<T[]>`${JSON.stringify(v)}::jsonb`

export interface FundSpec {
  code?: string
  kind?: AidFundKind
  decidedBy?: 'officer' | 'commission'
  purposes?: string[]
  tracks?: AidTrack[]
  paymentModes?: AidPaymentMode[]
  documents?: string[]
  programmeTypes?: string[]
  communes?: string[]
  minAge?: number | null
  maxAge?: number | null
  ceilingRequestCents?: number | null
  ceilingPersonYearCents?: number | null
  ceilingMonthCents?: number | null
  fixedAmountCents?: number | null
  opensOn?: string | null
  closesOn?: string | null
  active?: boolean
  /** the envelope of that year (none when null); 10 000 € of 2026 unless told */
  envelope?: { year: number; allocatedCents: number; funder?: string } | null
}

/** A fund (FIPJ-like: meals, transport; ordinary and emergency tracks; transfer) and one envelope. */
export async function buildFund(db: Db, fx: Fixture, spec: FundSpec = {}) {
  const n = ++seq
  const code = spec.code ?? `F${n}`
  const { id, version } = await db.kysely
    .insertInto('aid_fund')
    .values({
      structure_id: fx.structureId,
      code,
      name: `Fonds ${code}`,
      kind: spec.kind ?? 'individual',
      funder: 'Département',
      decided_by: spec.decidedBy ?? 'officer',
      programme_types: json(spec.programmeTypes ?? []),
      min_age: spec.minAge ?? null,
      max_age: spec.maxAge ?? null,
      communes: json(spec.communes ?? []),
      purposes: json(spec.purposes ?? ['meals', 'transport', 'accommodation']),
      tracks: json(spec.tracks ?? ['ordinary', 'emergency']),
      payment_modes: json(spec.paymentModes ?? ['transfer', 'third_party']),
      documents: json(spec.documents ?? []),
      ceiling_request_cents: spec.ceilingRequestCents ?? null,
      ceiling_person_year_cents: spec.ceilingPersonYearCents ?? null,
      ceiling_month_cents: spec.ceilingMonthCents ?? null,
      fixed_amount_cents: spec.fixedAmountCents ?? null,
      opens_on: spec.opensOn ?? null,
      closes_on: spec.closesOn ?? null,
      active: spec.active ?? true,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  const envelope = spec.envelope === undefined ? { year: 2026, allocatedCents: 10_000_00 } : spec.envelope
  let envelopeId: string | null = null
  if (envelope)
    envelopeId = (
      await db.kysely
        .insertInto('aid_envelope')
        .values({
          structure_id: fx.structureId,
          fund_id: id,
          year: envelope.year,
          funder: envelope.funder ?? 'Département',
          allocated_cents: envelope.allocatedCents,
          external_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  return { id, version, code, envelopeId }
}

export interface AidRequestSpec {
  track?: AidTrack
  purpose?: string
  amountAskedCents?: number
  status?: AidRequestStatus
  /** for a granted or partly granted request; the amount asked unless told */
  amountGrantedCents?: number
  askedOn?: string
  decidedOn?: string | null
  siteId?: string
  documents?: string[]
  dueAt?: Date | null
  month?: string | null
  projectId?: string | null
  commissionId?: string | null
}

/** A request of a person on a fund (complete, 100 € for meals, asked on 2026-03-02 unless told). */
export async function buildAidRequest(
  db: Db,
  fx: Fixture,
  personId: string,
  fundId: string,
  spec: AidRequestSpec = {},
) {
  const status = spec.status ?? 'complete'
  const asked = spec.amountAskedCents ?? 100_00
  const granted = status === 'granted' || status === 'partly_granted'
  const askedOn = spec.askedOn ?? '2026-03-02'
  const { id, version } = await db.kysely
    .insertInto('aid_request')
    .values({
      structure_id: fx.structureId,
      person_id: personId,
      fund_id: fundId,
      track: spec.track ?? 'ordinary',
      purpose: spec.purpose ?? 'meals',
      month: spec.month ?? null,
      project_id: spec.projectId ?? null,
      site_id: spec.siteId ?? fx.sites.a,
      amount_asked_cents: asked,
      argument: null,
      documents: json(spec.documents ?? []),
      asked_on: askedOn,
      asked_at: new Date(`${askedOn}T09:00:00Z`),
      asked_by: null,
      due_at: spec.dueAt ?? null,
      status,
      commission_id: spec.commissionId ?? null,
      decided_on: spec.decidedOn ?? (['submitted', 'complete', 'cancelled'].includes(status) ? null : askedOn),
      amount_granted_cents: granted ? (spec.amountGrantedCents ?? asked) : null,
      refusal_criterion: status === 'refused' ? 'Hors critères' : null,
      redirected_fund_id: status === 'redirected' ? fundId : null,
      external_id: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow()
  return { id, version }
}

/** A payment of a request: paid on a day, or scheduled (dueOn, paidOn null). */
export async function buildAidPayment(
  db: Db,
  fx: Fixture,
  requestId: string,
  spec: { amountCents: number; paidOn?: string | null; dueOn?: string | null; mode?: AidPaymentMode },
) {
  const { id } = await db.kysely
    .insertInto('aid_payment')
    .values({
      structure_id: fx.structureId,
      request_id: requestId,
      amount_cents: spec.amountCents,
      mode: spec.mode ?? 'transfer',
      payee: null,
      due_on: spec.dueOn ?? null,
      paid_on: spec.paidOn === undefined ? '2026-03-02' : spec.paidOn,
      run_id: null,
      cancels_id: null,
      reason: null,
      recorded_by: null,
      external_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}
