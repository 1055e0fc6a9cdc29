import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type ZodTypeProvider, validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Role } from '../../shared/auth/roles.ts'
import { findUnstorableText } from '../../shared/primitives.ts'
import type { Actor, Deps, Tx } from '../deps.ts'
import { AppError, forbidden } from '../errors.ts'
import { type AuditEntry, writeAudit } from '../modules/audit/audit.repository.ts'

/**
 * Who may call a route: anyone, a user half-way through sign-in (password given, second factor not yet),
 * any signed-in user, or the listed roles. Every route says it.
 */
export type Access = 'public' | 'second-factor' | 'authenticated' | readonly Role[]

type Schema = z.ZodType | undefined
type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined

export interface Context<B, Q, P> {
  deps: Deps
  /** the request's transaction; on a read (RouteDef.read), a connection without one */
  tx: Tx
  actor: Actor
  body: B
  query: Q
  params: P
  now: Date
  req: FastifyRequest
  reply: FastifyReply
  audit(entry: AuditEntry): Promise<void>
}

export interface RouteDef<B extends Schema, Q extends Schema, P extends Schema, R extends Schema> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  url: string
  summary: string
  tags: string[]
  access: Access
  body?: B
  query?: Q
  params?: P
  response?: R
  /** status of a success; 204 sends no body */
  status?: 200 | 201 | 204
  rateLimit?: { max: number; timeWindow: string }
  /**
   * Called by another system, never by a browser (a provider's webhook): authenticated by a secret in its URL, not by
   * a cookie, so no CSRF token is asked (app.ts). The route must not read the session.
   */
  webhook?: true
  /**
   * A read (GET only) that writes nothing but audit lines runs without a transaction, on one connection: each query is
   * a statement of its own, with the snapshot PostgreSQL's READ COMMITTED would give it inside a transaction anyway,
   * and an audit line commits as it is written, before the answer leaves (a failure there still answers an error and
   * no data). What it saves: the BEGIN and COMMIT round trips, and the audit chain's lock held until a later COMMIT.
   * `ctx.tx` is then that connection; a repository that needs a transaction-local setting opens its own transaction
   * on it (persons/search.repository.ts).
   */
  read?: true
  handler(ctx: Context<Infer<B>, Infer<Q>, Infer<P>>): Promise<R extends z.ZodType ? z.input<R> : unknown>
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor
  }
  interface FastifyContextConfig {
    access?: Access
    webhook?: boolean
  }
}

/**
 * The one pipeline every route goes through:
 * authenticate (onRequest hook, see session.hook.ts) → authorise by role (preValidation, so a refused caller learns nothing
 * about the body) → validate (zod)
 * → transaction (none for a read: RouteDef.read) → service (whose policy checks the records) → presenter (the response
 * schema strips what is not declared).
 */
export function defineRoute<B extends Schema, Q extends Schema, P extends Schema, R extends Schema>(
  app: FastifyInstance,
  deps: Deps,
  def: RouteDef<B, Q, P, R>,
) {
  const status = def.status ?? 200
  if (def.read && def.method !== 'GET') throw new Error(`${def.method} ${def.url}: only a GET route can be a read`)
  app.withTypeProvider<ZodTypeProvider>().route({
    method: def.method,
    url: def.url,
    config: {
      access: def.access,
      ...(def.rateLimit ? { rateLimit: def.rateLimit } : {}),
      ...(def.webhook ? { webhook: true } : {}),
    },
    schema: {
      summary: def.summary,
      tags: def.tags,
      ...(def.body ? { body: def.body } : {}),
      ...(def.query ? { querystring: def.query } : {}),
      ...(def.params ? { params: def.params } : {}),
      response: def.response ? { [status]: def.response } : status === 204 ? { 204: z.null() } : undefined,
      ...(def.access === 'public' ? {} : { security: [{ session: [] }] }),
    },
    preValidation: async (req) => authorise(def.access, req),
    handler: async (req, reply) => {
      const now = deps.clock.now()
      let committedError: AppError | undefined
      const run = async (tx: Tx) => {
        const actor = req.actor as Actor
        try {
          return await def.handler({
            deps,
            tx,
            actor,
            body: req.body as Infer<B>,
            query: req.query as Infer<Q>,
            params: req.params as Infer<P>,
            now,
            req,
            reply,
            audit: (entry) => writeAudit(tx, now, actor ?? { anonymous: 'anonyme', ip: req.ip }, entry),
          })
        } catch (error) {
          // A refusal that must leave a trace (a failed sign-in and its audit line) commits, then answers the error.
          if (error instanceof AppError && error.commit) {
            committedError = error
            return undefined
          }
          throw error
        }
      }
      // A read holds one connection, without BEGIN and COMMIT (see RouteDef.read); Tx is the type repositories take.
      const result = def.read
        ? await deps.db.kysely.connection().execute((db) => run(db as unknown as Tx))
        : await deps.db.kysely.transaction().execute(run)
      if (committedError) throw committedError
      reply.status(status)
      return status === 204 ? reply.send() : reply.send(result)
    },
  })
}

export function authorise(access: Access, req: FastifyRequest) {
  if (access === 'public') return
  if (access === 'second-factor') {
    if (!req.actor && !req.pendingTotp) throw new AppError('unauthenticated', 'Vous devez vous connecter.')
    return
  }
  if (!req.actor) throw new AppError('unauthenticated', 'Vous devez vous connecter.')
  if (access === 'authenticated') return
  if (!access.includes(req.actor.role)) throw forbidden()
}

/**
 * The validator of every route's body, query string and parameters (set once for the app in app.ts): before the
 * route's zod schema, any string in the request, at any depth and keys included, holding a NUL or a lone surrogate is
 * refused with 400 naming its path. PostgreSQL refuses NUL in text; checking here, not only field by field in the
 * schemas, covers every route, including tomorrow's, and the free-form parts (records, unknown) a schema does not type.
 */
export const validatorCompiler: typeof zodValidatorCompiler = (route) => {
  const validate = zodValidatorCompiler(route)
  return (data) => {
    const problems = findUnstorableText(data)
    if (problems.length === 0) return validate(data)
    return {
      // the shape fastify-type-provider-zod gives its errors, so problem.ts answers them like any validation error
      error: problems.map((p) => ({
        [Symbol.for('ZodFastifySchemaValidationError')]: true,
        keyword: 'custom',
        instancePath: `/${p.path.join('/')}`,
        schemaPath: '#/storable-text',
        message: p.message,
        params: {},
      })),
    } as unknown as ReturnType<ReturnType<typeof zodValidatorCompiler>>
  }
}
