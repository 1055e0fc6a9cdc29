import { capabilities, type Role } from '../../../shared/auth/roles.ts'
import type { Actor, Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { writeAudit } from '../audit/audit.repository.ts'
import type { ExchangeScope } from './exchange.registry.ts'

// Moving person files out of or into Jalon is the director's act (the whole structure is theirs to see), on a session
// whose sign-in went through the second factor; the admin, who reads no person file, moves the configuration only.
// Every export and import is audited (exchange.audit.ts).
export const exchangePolicy = {
  /** the whole bundle, person files included: also needs the second factor (requireSecondFactor) */
  all: capabilities.dataExchange,
  /** sites, programmes, users (no password, no second-factor secret), the structure's proposition themes */
  configuration: capabilities.administration,
} as const satisfies Record<ExchangeScope, readonly Role[]>

export const SECOND_FACTOR_REQUIRED =
  'La double authentification est requise pour exporter ou importer les données des personnes : activez-la dans ' +
  '« Mon profil » si ce n’est pas fait, puis reconnectez-vous en donnant votre code.'

/**
 * The session must have given the second factor at sign-in (session.second_factor_at). A refusal is audited: the
 * transaction commits the audit line, then the caller gets 403.
 */
export async function requireSecondFactor(
  tx: Tx,
  now: Date,
  actor: Actor,
  operation: 'export' | 'import',
): Promise<void> {
  const session = await tx
    .selectFrom('session')
    .select('second_factor_at')
    .where('id', '=', actor.sessionId)
    .executeTakeFirst()
  if (session?.second_factor_at) return
  await writeAudit(tx, now, actor, {
    action: 'exchange.refused',
    entity: 'structure',
    entityId: actor.structureId,
    detail: { scope: 'all', operation, reason: 'second_factor_required' },
  })
  throw new AppError('forbidden', SECOND_FACTOR_REQUIRED, [], true)
}
