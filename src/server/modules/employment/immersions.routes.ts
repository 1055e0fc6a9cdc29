import type { FastifyInstance } from 'fastify'
import {
  assessmentInput,
  cancelInput,
  completeInput,
  immersionInput,
  immersionListQuery,
  immersionListSchema,
  immersionParams,
  immersionSchema,
  immersionUpdateInput,
  outcomeInput,
  signInput,
} from '../../../shared/employment/immersions.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { employmentPolicy } from './employment.policy.ts'
import { immersionProgrammeRoutes } from './immersion-programmes.routes.ts'
import {
  agreementPdf,
  cancelImmersion,
  completeImmersion,
  createImmersion,
  immersionList,
  oneImmersion,
  recordAssessment,
  recordOutcome,
  signAgreement,
  updateAgreement,
} from './immersions.service.ts'

const tags = ['Emploi : immersions']
const url = '/api/employment/immersions'

/** Work immersions (PMSMP) and their programmes (docs/employment/immersions.md). */
export function immersionsRoutes(app: FastifyInstance, deps: Deps) {
  immersionProgrammeRoutes(app, deps)
  defineRoute(app, deps, {
    method: 'GET',
    url,
    summary: 'Les immersions (PMSMP) que le lecteur voit, filtrées par statut, programme, module, personne, entreprise',
    tags,
    access: employmentPolicy.read,
    query: immersionListQuery,
    response: immersionListSchema,
    read: true,
    handler: async (c) => immersionList(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url,
    summary: 'Préparer la convention d’immersion (PMSMP) d’une personne suivie',
    tags,
    access: employmentPolicy.position,
    body: immersionInput,
    response: immersionSchema,
    status: 201,
    handler: async (c) => createImmersion(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: `${url}/:id`,
    summary: 'Une immersion : la convention, l’évaluation, la suite',
    tags,
    access: employmentPolicy.read,
    params: immersionParams,
    response: immersionSchema,
    read: true,
    handler: async (c) => oneImmersion(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: `${url}/:id`,
    summary: 'Modifier la convention tant qu’elle n’est pas signée',
    tags,
    access: employmentPolicy.position,
    params: immersionParams,
    body: immersionUpdateInput,
    response: immersionSchema,
    handler: async (c) => updateAgreement(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${url}/:id/sign`,
    summary: 'Enregistrer la signature de la convention (bénéficiaire, entreprise, structure)',
    tags,
    access: employmentPolicy.manage,
    params: immersionParams,
    body: signInput,
    response: immersionSchema,
    handler: async (c) => signAgreement(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${url}/:id/assessment`,
    summary: 'L’évaluation du tuteur : immersion validée ou non, compétences observées',
    tags,
    access: employmentPolicy.position,
    params: immersionParams,
    body: assessmentInput,
    response: immersionSchema,
    handler: async (c) => recordAssessment(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${url}/:id/complete`,
    summary: 'Clore l’immersion : terminée (la fin passée, l’évaluation saisie)',
    tags,
    access: employmentPolicy.manage,
    params: immersionParams,
    body: completeInput,
    response: immersionSchema,
    handler: async (c) => completeImmersion(c, c.params.id, c.body.version),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${url}/:id/cancel`,
    summary: 'Annuler l’immersion (avant qu’elle soit terminée)',
    tags,
    access: employmentPolicy.position,
    params: immersionParams,
    body: cancelInput,
    response: immersionSchema,
    handler: async (c) => cancelImmersion(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: `${url}/:id/outcome`,
    summary: 'La suite de l’immersion : contrat de travail (relié à l’embauche), formation, sans suite, autre',
    tags,
    access: employmentPolicy.position,
    params: immersionParams,
    body: outcomeInput,
    response: immersionSchema,
    handler: async (c) => recordOutcome(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: `${url}/:id/agreement.pdf`,
    summary: 'La convention d’immersion à signer (PDF)',
    tags,
    access: employmentPolicy.read,
    params: immersionParams,
    read: true,
    handler: async (c) => {
      const { pdf, immersion } = await agreementPdf(c, c.params.id)
      c.reply.header('content-type', 'application/pdf')
      c.reply.header(
        'content-disposition',
        `attachment; filename="convention-pmsmp-${immersion.person.lastName.replace(/[^\w-]/g, '_')}.pdf"`,
      )
      return pdf
    },
  })
}
