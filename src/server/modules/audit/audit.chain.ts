import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../../db/schema.ts'

// The audit chain (migration 20261130T1010_audit_chain): every audit_event row has a sequence number and
//   hash = hex(sha256(prev_hash || content)),
// content = seq | id | at (UTC, microseconds) | structure_id | actor_id | actor_label | action | entity | entity_id |
//           detail (jsonb text, canonical: sorted keys, fixed spacing) | ip,
// each field as "<UTF-8 byte length>:<text>", or "-" when NULL. The database writes it (trigger audit_event_chain);
// this file recomputes it independently, from the same text rendering of each column, with node:crypto.

export const GENESIS_HASH = '0'.repeat(64)

export interface ChainRow {
  seq: number
  id: number
  at: string
  structure_id: string | null
  actor_id: string | null
  actor_label: string
  action: string
  entity: string
  entity_id: string | null
  detail: string | null
  ip: string | null
  prev_hash: string
  hash: string
}

const field = (v: string | null) => (v === null ? '-' : `${Buffer.byteLength(v, 'utf8')}:${v}`)

export function chainHash(prevHash: string, r: Omit<ChainRow, 'prev_hash' | 'hash'>): string {
  const content = [
    String(r.seq),
    String(r.id),
    r.at,
    r.structure_id,
    r.actor_id,
    r.actor_label,
    r.action,
    r.entity,
    r.entity_id,
    r.detail,
    r.ip,
  ]
    .map(field)
    .join('|')
  return createHash('sha256')
    .update(prevHash + content, 'utf8')
    .digest('hex')
}

export interface ChainBreak {
  seq: number
  id: number | null
  at: string | null
  reason: string
}

export type ChainReport =
  | { ok: true; count: number; lastSeq: number; lastHash: string }
  | { ok: false; count: number; broken: ChainBreak }

const PAGE = 2000

async function page(db: Kysely<Database>, afterSeq: number): Promise<ChainRow[]> {
  const { rows } = await sql<ChainRow>`
    SELECT seq, id,
      to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
      structure_id, actor_id::text AS actor_id, actor_label, action, entity, entity_id, detail::text AS detail, ip,
      prev_hash, hash
    FROM audit_event WHERE seq > ${afterSeq} ORDER BY seq LIMIT ${PAGE}`.execute(db)
  return rows
}

/** Walks the whole chain in sequence order and recomputes every hash; stops at the first broken link. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let expectedSeq = 1
  let prev = GENESIS_HASH
  let count = 0
  for (;;) {
    const rows = await page(db, expectedSeq - 1)
    for (const r of rows) {
      const at = r.at
      if (r.seq !== expectedSeq) {
        const reason =
          r.seq === expectedSeq + 1
            ? `la ligne n° ${expectedSeq} qui la précédait a disparu`
            : `les lignes n° ${expectedSeq} à ${r.seq - 1} qui la précédaient ont disparu`
        return { ok: false, count, broken: { seq: r.seq, id: r.id, at, reason } }
      }
      if (r.prev_hash !== prev)
        return {
          ok: false,
          count,
          broken: {
            seq: r.seq,
            id: r.id,
            at,
            reason: `elle ne suit pas la ligne n° ${r.seq - 1} (empreinte précédente différente : cette ligne-là a été réécrite)`,
          },
        }
      if (chainHash(prev, r) !== r.hash)
        return {
          ok: false,
          count,
          broken: { seq: r.seq, id: r.id, at, reason: 'son contenu a été modifié après son écriture' },
        }
      prev = r.hash
      expectedSeq++
      count++
    }
    if (rows.length < PAGE) break
  }
  const head = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirst()
  const lastSeq = expectedSeq - 1
  if (!head)
    return {
      ok: false,
      count,
      broken: { seq: lastSeq, id: null, at: null, reason: 'la tête de chaîne (audit_chain_head) a disparu' },
    }
  if (head.seq !== lastSeq || head.hash !== prev) {
    const reason =
      head.seq > lastSeq
        ? `la dernière ligne présente est la n° ${lastSeq}, la tête de chaîne en annonce ${head.seq} : les dernières lignes ont disparu`
        : `la tête de chaîne (n° ${head.seq}) ne correspond pas à la dernière ligne (n° ${lastSeq})`
    return { ok: false, count, broken: { seq: Math.min(head.seq, lastSeq) + 1, id: null, at: null, reason } }
  }
  return { ok: true, count, lastSeq, lastHash: prev }
}

const lines = (n: number) => `${n.toLocaleString('fr-FR')} ${n > 1 ? 'lignes' : 'ligne'}`

/** The French sentence `jalon audit verify` prints. */
export function describeChain(report: ChainReport): string {
  if (report.ok)
    return `chaîne intacte : ${lines(report.count)}${report.count ? ` (dernière : n° ${report.lastSeq}, empreinte ${report.lastHash})` : ''}`
  const b = report.broken
  const where = b.id === null ? '' : ` (id ${b.id}, ${b.at?.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')})`
  const before = `${lines(report.count)} ${report.count > 1 ? 'vérifiées intactes' : 'vérifiée intacte'} avant elle`
  return `chaîne rompue à la ligne n° ${b.seq}${where} : ${b.reason}. ${before}.`
}
