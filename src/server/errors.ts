// One family of errors for the whole domain; the HTTP layer maps them to application/problem+json in one place.
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'validation'
  | 'conflict'
  | 'version_conflict'
  | 'too_many_requests'
  | 'totp_required'

export interface FieldError {
  field: string
  message: string
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** commit the transaction before answering: the refusal itself is recorded (failed sign-in counters, audit) */
    readonly commit = false,
  ) {
    super(message)
  }
}

export const statusOf: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  validation: 400,
  conflict: 409,
  version_conflict: 409,
  too_many_requests: 429,
  totp_required: 401,
}

export const titleOf: Record<ErrorCode, string> = {
  unauthenticated: 'Authentification requise',
  forbidden: 'Accès refusé',
  not_found: 'Introuvable',
  validation: 'Données invalides',
  conflict: 'Conflit',
  version_conflict: 'Modification concurrente',
  too_many_requests: 'Trop de tentatives',
  totp_required: 'Second facteur requis',
}

/**
 * Database constraints users can run into at the same moment (two desks saving the same entry), or that keep a row
 * another module's row rests on: their violation (unique 23505, exclusion 23P01, foreign key 23503) is answered 409
 * with this message, never 500. Each module declares its own.
 */
const constraintConflicts = new Map<string, { message: string; fields: FieldError[] }>()
export function declareConstraintConflict(constraint: string, message: string, fields: FieldError[] = []) {
  constraintConflicts.set(constraint, { message, fields })
}
/** The 409 a database error stands for, when it is the violation of a declared constraint. */
export function constraintConflictOf(error: unknown): AppError | undefined {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown }
  if ((code !== '23505' && code !== '23P01' && code !== '23503') || typeof constraint !== 'string') return undefined
  const known = constraintConflicts.get(constraint)
  return known && new AppError('conflict', known.message, known.fields)
}

export const notFound = (what = 'Cet élément') => new AppError('not_found', `${what} est introuvable.`)
export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour cette action.") =>
  new AppError('forbidden', message)
export const versionConflict = () =>
  new AppError(
    'version_conflict',
    'Cette fiche a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte. Rechargez-la avant d’enregistrer.',
  )
