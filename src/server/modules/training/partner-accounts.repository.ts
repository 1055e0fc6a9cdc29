import type { Tx } from '../../deps.ts'

// The structure's active partner accounts and the training body each one is bound to (docs/training/catalogue.md
// « Comptes partenaires »): what the training officer picks from to bind an account, without the administration's
// user list.

export interface PartnerAccount {
  id: string
  displayName: string
  email: string
  bodyId: string | null
}

export async function listPartnerAccounts(tx: Tx, structureId: string): Promise<PartnerAccount[]> {
  const rows = await tx
    .selectFrom('app_user as u')
    .leftJoin('training_body_user as bu', (j) =>
      j.onRef('bu.user_id', '=', 'u.id').onRef('bu.structure_id', '=', 'u.structure_id'),
    )
    .select(['u.id', 'u.display_name', 'u.email', 'bu.body_id'])
    .where('u.structure_id', '=', structureId)
    .where('u.role', '=', 'partner')
    .where('u.active', '=', true)
    .orderBy('u.display_name')
    .orderBy('u.email')
    .execute()
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email, bodyId: r.body_id ?? null }))
}
