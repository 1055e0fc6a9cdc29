import { existsSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod'
import '../shared/zod-fr.ts'
import type { Deps } from './deps.ts'
import { answerFrameworkError, registerProblemHandler } from './http/problem.ts'
import { type Access, validatorCompiler } from './http/route.ts'
import { registerSessionHook } from './modules/auth/session.hook.ts'
import { featureRoutes } from './modules/routes.ts'

export interface RouteAccess {
  method: string
  url: string
  access: Access | undefined
  /** the route's zod schemas, for the tests that walk every route (http/generated-input.test.ts) */
  schema?: { body?: unknown; querystring?: unknown; params?: unknown }
}
declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RouteAccess[]
  }
}

const WEB_DIST = resolve(import.meta.dirname, '../../dist/web')
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Builds the whole HTTP application without listening, so tests drive it with inject() or a real port. */
export async function buildApp(
  deps: Deps,
  /** webRoot: the built web app's folder (default dist/web; tests give a folder of their own) */
  opts: { logger?: boolean; serveWeb?: boolean; webRoot?: string } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel } : false,
    // Only the configured reverse proxies may name the client (X-Forwarded-For): anyone else could forge the address
    // that per-address throttling and the audit trail rely on.
    trustProxy: deps.config.trustedProxies.length ? deps.config.trustedProxies : false,
    bodyLimit: 5 * 1024 * 1024,
    frameworkErrors: answerFrameworkError,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerProblemHandler(app)
  // API answers (errors included) hold personal data or say who may see what: no browser or proxy keeps a copy.
  // The web app's files have their own rule (serveWebApp).
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  })

  // Answers of 1 KB and more are compressed when the browser accepts it: brotli (quality 4, @fastify/compress's
  // default: fast enough per request), else gzip. The web app's files come compressed from the build (serveWebApp).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 })
  await app.register(cookie)
  // HTTPS-only headers (HSTS, upgrade-insecure-requests) only where Jalon is served over TLS: on a plain-HTTP LAN
  // install they would make browsers rewrite every asset to https and the app would not load.
  const tls = deps.config.session.cookieSecure
  await app.register(helmet, {
    hsts: tls,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: tls ? [] : null,
      },
    },
  })
  await app.register(rateLimit, { global: false })
  await app.register(csrf, {
    cookieKey: 'jalon_csrf',
    cookieOpts: { httpOnly: true, sameSite: 'lax', path: '/', secure: deps.config.session.cookieSecure },
  })
  // CSRF on every request that changes something, signed in or not (sign-in itself included); not on a webhook
  // (RouteDef.webhook: another system's call, authenticated by a secret in its URL, which no cookie authenticates).
  app.addHook('onRequest', (req, reply, done) => {
    if (STATE_CHANGING.has(req.method) && req.url.startsWith('/api/') && !req.routeOptions.config?.webhook)
      return app.csrfProtection(req, reply, done)
    done()
  })
  registerSessionHook(app, deps)
  // The catalogue of routes and who may call them: the access test walks it, so no route escapes its refusal test.
  const catalogue: RouteAccess[] = []
  app.decorate('routeCatalogue', catalogue)
  app.addHook('onRoute', (r) => {
    const access = (r.config as { access?: Access } | undefined)?.access
    if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      for (const method of [r.method].flat())
        if (method !== 'HEAD') catalogue.push({ method, url: r.url, access, schema: r.schema })
  })

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Jalon API',
        version: '0.1.0',
        description: 'API de Jalon. Toute requête qui modifie envoie x-csrf-token.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jalon_session' } } },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs' })

  await app.register(async (api) => featureRoutes(api, deps))

  const webRoot = opts.webRoot ?? WEB_DIST
  if (opts.serveWeb !== false && existsSync(webRoot)) await serveWebApp(app, webRoot)
  return app
}

/** a file of the build named by its content's hash (Vite writes them all under assets/) */
const HASHED = `${sep}assets${sep}`
export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** @fastify/helmet's headers that only a document obeys */
export const DOCUMENT_ONLY = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]

/**
 * The built web app. Files under assets/ are named by their content's hash, so a browser keeps them a year without
 * asking again (a new build has new names); index.html, which names them, is asked again at every visit (`no-cache`:
 * kept, but revalidated with its ETag, so a new build is seen at once). Every file goes out compressed from the build
 * (`<file>.br`, `<file>.gz`, written by vite.config.ts), as the browser's Accept-Encoding allows.
 */
async function serveWebApp(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', path.includes(HASHED) ? IMMUTABLE : 'no-cache'),
  })
  // A script or a style sheet is no document: the headers that only a document obeys (its policy, its framing, its
  // browsing context) are left off the assets, some 550 bytes on each of the first load's 30-odd files. What an asset
  // obeys stays: nosniff, Cross-Origin-Resource-Policy, Referrer-Policy (a style sheet's own requests).
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/assets/')) for (const header of DOCUMENT_ONLY) reply.removeHeader(header)
  })
  // The web app routes in the browser: any other path gets index.html, except the API's and the assets' (an old page
  // asking for a chunk of a former build gets a 404, not a page of HTML it would try to run).
  app.get('/*', (req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/')) return reply.callNotFound()
    return reply.sendFile('index.html')
  })
}
