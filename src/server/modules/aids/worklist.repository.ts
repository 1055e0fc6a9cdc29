import { sql } from 'kysely'
import type { Tx } from '../../deps.ts'

// What the aid officer's worklist and the fund dashboard read (SQL only; docs/aids.md « Worklist and dashboards »).

export interface OpenRequestRow {
  id: string
  person_id: string
  last_name: string
  first_name: string
  fund_id: string
  fund_code: string
  fund_decided_by: 'officer' | 'commission'
  fund_documents: unknown
  track: string
  purpose: string
  status: string
  amount_asked_cents: number | string
  amount_granted_cents: number | string | null
  documents: unknown
  asked_on: string
  due_at: Date | string | null
  proof_received_on: string | null
  paid: number | string
  recorded: number | string
  version: number
}

/** The requests still awaiting something: undecided, or granted and not paid in full or without their proof. */
export async function openRequests(tx: Tx, structureId: string) {
  const r = await sql<OpenRequestRow>`
    SELECT r.id, r.person_id, pe.last_name, pe.first_name, r.fund_id, f.code AS fund_code,
      f.decided_by AS fund_decided_by, f.documents AS fund_documents, r.track, r.purpose, r.status,
      r.amount_asked_cents, r.amount_granted_cents, r.documents, r.asked_on, r.due_at, r.proof_received_on, r.version,
      coalesce(pay.paid, 0) AS paid, coalesce(pay.recorded, 0) AS recorded
    FROM aid_request r
    JOIN aid_fund f ON f.structure_id = r.structure_id AND f.id = r.fund_id
    JOIN person pe ON pe.structure_id = r.structure_id AND pe.id = r.person_id
    LEFT JOIN LATERAL (
      SELECT sum(p.amount_cents) FILTER (WHERE p.paid_on IS NOT NULL) AS paid, sum(p.amount_cents) AS recorded
      FROM aid_payment p WHERE p.structure_id = r.structure_id AND p.request_id = r.id
    ) pay ON true
    WHERE r.structure_id = ${structureId}
      AND (r.status IN ('submitted', 'complete')
        OR (r.status IN ('granted', 'partly_granted')
          AND (coalesce(pay.paid, 0) < r.amount_granted_cents OR r.proof_received_on IS NULL)))
    ORDER BY r.due_at NULLS LAST, r.asked_at, r.id`.execute(tx)
  return r.rows
}

export interface DueInstalmentRow {
  id: string
  request_id: string
  person_id: string
  last_name: string
  first_name: string
  fund_code: string
  amount_cents: number | string
  due_on: string
}

/** The scheduled instalments due by the day, not paid nor cancelled. */
export async function dueInstalments(tx: Tx, structureId: string, day: string) {
  const r = await sql<DueInstalmentRow>`
    SELECT p.id, p.request_id, r.person_id, pe.last_name, pe.first_name, f.code AS fund_code, p.amount_cents, p.due_on
    FROM aid_payment p
    JOIN aid_request r ON r.structure_id = p.structure_id AND r.id = p.request_id
    JOIN aid_fund f ON f.structure_id = r.structure_id AND f.id = r.fund_id
    JOIN person pe ON pe.structure_id = r.structure_id AND pe.id = r.person_id
    WHERE p.structure_id = ${structureId} AND p.paid_on IS NULL AND p.cancels_id IS NULL AND p.due_on <= ${day}::date
      AND NOT EXISTS (SELECT 1 FROM aid_payment c WHERE c.structure_id = p.structure_id AND c.cancels_id = p.id)
    ORDER BY p.due_on, p.id`.execute(tx)
  return r.rows
}

/** The fund's requests asked in the year: by status, and by purpose with what was granted. */
export async function requestCounts(tx: Tx, structureId: string, fundId: string, year: number) {
  const rows = await sql<{ status: string; purpose: string; n: number | string; granted: number | string }>`
    SELECT status, purpose, count(*) AS n, coalesce(sum(amount_granted_cents), 0) AS granted
    FROM aid_request
    WHERE structure_id = ${structureId} AND fund_id = ${fundId}
      AND asked_on BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date
    GROUP BY status, purpose`.execute(tx)
  return rows.rows.map((r) => ({
    status: r.status,
    purpose: r.purpose,
    count: Number(r.n),
    granted: Number(r.granted),
  }))
}
