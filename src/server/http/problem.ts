import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { AppError, constraintConflictOf, type FieldError, statusOf, titleOf } from '../errors.ts'

// Every error leaves the server as application/problem+json (RFC 9457), in French, naming the fields at fault.

/**
 * Errors Fastify meets before routing (a URL that does not decode, a parameter longer than the router takes): given as
 * the `frameworkErrors` option of Fastify(), which answers them without hooks or error handler otherwise.
 */
export function answerFrameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH'
  const status = tooLong ? 414 : error.code === 'FST_ERR_BAD_URL' ? 400 : 500
  if (status === 500) req.log.error({ err: error }, 'unexpected framework error')
  // no hook runs on these answers: the API's cache rule (app.ts) is applied here
  if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store')
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://jalon.dev/problems/${status === 500 ? 'internal' : 'bad_request'}`,
      title: status === 500 ? 'Erreur interne' : titleOf.validation,
      status,
      detail: tooLong
        ? 'Adresse trop longue : un identifiant de l’adresse dépasse la longueur permise.'
        : status === 400
          ? 'Adresse mal formée : un caractère de l’adresse ne se décode pas.'
          : 'Une erreur inattendue est survenue. Elle a été enregistrée.',
      code: status === 500 ? 'internal' : 'bad_request',
      fields: [],
    })
}

export function registerProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const send = (status: number, title: string, detail: string, fields: FieldError[] = [], code = 'error') =>
      reply
        .status(status)
        .type('application/problem+json')
        .send({ type: `https://jalon.dev/problems/${code}`, title, status, detail, code, fields, instance: req.url })

    const known = error instanceof AppError ? error : constraintConflictOf(error)
    if (known) return send(statusOf[known.code], titleOf[known.code], known.message, known.fields, known.code)
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        field: v.instancePath.split('/').filter(Boolean).join('.') || '(corps)',
        message: v.message ?? 'Valeur invalide',
      }))
      const where = error.validationContext === 'querystring' ? 'la requête' : 'les données envoyées'
      return send(
        400,
        titleOf.validation,
        `Vérifiez ${where} : ${fields.map((f) => f.field).join(', ')}.`,
        fields,
        'validation',
      )
    }
    if (error.statusCode === 429)
      return send(
        429,
        titleOf.too_many_requests,
        'Trop de requêtes. Patientez une minute avant de réessayer.',
        [],
        'too_many_requests',
      )
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET')
      return send(403, 'Jeton anti-CSRF invalide', 'La page a expiré : rechargez-la puis recommencez.', [], 'csrf')
    if (
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.statusCode === 400
    )
      return send(400, titleOf.validation, 'Requête mal formée.', [], 'bad_request')
    if (error.statusCode === 413)
      return send(413, 'Trop volumineux', 'Le contenu envoyé est trop volumineux.', [], 'too_large')
    if (isResponseSerializationError(error))
      req.log.error({ err: error, cause: error.cause }, 'response does not match its schema')
    else req.log.error({ err: error }, 'unexpected error')
    return send(500, 'Erreur interne', 'Une erreur inattendue est survenue. Elle a été enregistrée.', [], 'internal')
  })

  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'https://jalon.dev/problems/not_found',
        title: titleOf.not_found,
        status: 404,
        code: 'not_found',
        detail: `Aucune ressource à ${req.url}.`,
        fields: [],
      }),
  )
}
