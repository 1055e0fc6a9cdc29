import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
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
  opts: { logger?: boolean; serveWeb?: boolean } = {},
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
  // The web app's static files keep @fastify/static's own caching.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  })

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
  // CSRF on every request that changes something, signed in or not (sign-in itself included).
  app.addHook('onRequest', (req, reply, done) => {
    if (STATE_CHANGING.has(req.method) && req.url.startsWith('/api/')) return app.csrfProtection(req, reply, done)
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

  if (opts.serveWeb !== false && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false })
    // The web app routes in the browser: any non-API path gets index.html.
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound()
      return reply.sendFile('index.html')
    })
  }
  return app
}
