import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  contactInput,
  contactUpdate,
  employerContactParams,
  employerDetailSchema,
  employerImportQuery,
  employerImportResult,
  employerInput,
  employerInteractionParams,
  employerListQuery,
  employerListSchema,
  employerParams,
  employerUpdate,
  interactionInput,
  interactionUpdate,
  siretCheckQuery,
  siretCheckSchema,
} from '../../../shared/employment/employers.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import {
  addContact,
  addInteraction,
  changeContact,
  changeEmployer,
  changeInteraction,
  checkSiret,
  createEmployer,
  employerList,
  oneEmployer,
} from './employers.service.ts'
import { importSirene } from './employers-sirene.ts'
import { employmentPolicy } from './employment.policy.ts'

/** a SIRENE extract of the structure's area fits; more is refused (413) before it is read */
export const MAX_SIRENE_BYTES = 20 * 1024 * 1024

/**
 * The employers (docs/employment/employers.md): company files from their SIRET, their contacts and interactions, the
 * history, the SIRENE import. Read: the director, the counsellors and the employment officer; write: the officer.
 */
export function employersRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Emploi : entreprises']
  const readers = employmentPolicy.read
  const writers = employmentPolicy.manage

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/employers',
    summary: 'Les entreprises de la structure (recherche par nom, SIRET, commune ou code postal ; par pages)',
    tags,
    access: readers,
    query: employerListQuery,
    response: employerListSchema,
    read: true,
    handler: async (c) => employerList(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/employers/siret-check',
    summary: 'Contrôler un SIRET (clé de Luhn) et trouver l’entreprise de la structure qui le porte déjà',
    tags,
    access: readers,
    query: siretCheckQuery,
    response: siretCheckSchema,
    read: true,
    handler: async (c) => checkSiret(c, c.query.siret),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/employers/:id',
    summary: 'Une entreprise : identité, contacts, échanges, historique (offres, recrutements, immersions, clauses)',
    tags,
    access: readers,
    params: employerParams,
    response: employerDetailSchema,
    read: true,
    handler: async (c) => oneEmployer(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/employers',
    summary: 'Créer une entreprise à partir de son SIRET (contrôlé, unique dans la structure)',
    tags,
    access: writers,
    body: employerInput,
    response: employerDetailSchema,
    status: 201,
    handler: async (c) => createEmployer(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/employers/:id',
    summary: 'Modifier une entreprise (avec la version lue) ; active=false clôt la fiche',
    tags,
    access: writers,
    params: employerParams,
    body: employerUpdate,
    response: employerDetailSchema,
    handler: async (c) => changeEmployer(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/employers/:id/contacts',
    summary: 'Ajouter un contact à l’entreprise (nom, fonction, téléphone, courriel)',
    tags,
    access: writers,
    params: employerParams,
    body: contactInput,
    response: employerDetailSchema,
    status: 201,
    handler: async (c) => addContact(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/employers/:id/contacts/:contactId',
    summary: 'Modifier un contact (avec la version lue) ; active=false : il a quitté l’entreprise',
    tags,
    access: writers,
    params: employerContactParams,
    body: contactUpdate,
    response: employerDetailSchema,
    handler: async (c) => changeContact(c, c.params.id, c.params.contactId, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/employers/:id/interactions',
    summary: 'Noter un échange avec l’entreprise (visite, appel, courriel, rendez-vous, événement), au nom de l’auteur',
    tags,
    access: writers,
    params: employerParams,
    body: interactionInput,
    response: employerDetailSchema,
    status: 201,
    handler: async (c) => addInteraction(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/employers/:id/interactions/:interactionId',
    summary: 'Modifier un échange (avec la version lue)',
    tags,
    access: writers,
    params: employerInteractionParams,
    body: interactionUpdate,
    response: employerDetailSchema,
    handler: async (c) => changeInteraction(c, c.params.id, c.params.interactionId, c.body),
  })

  // The SIRENE file comes as it is (text/csv, not JSON): its own parser, up to 20 MB, in this plugin's scope only.
  app.register(async (scope) => {
    if (scope.hasContentTypeParser('text/csv')) scope.removeContentTypeParser('text/csv')
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_SIRENE_BYTES }, (_req, body, done) =>
      done(null, body),
    )
    defineRoute(scope, deps, {
      method: 'POST',
      url: '/api/employment/employers/import',
      summary:
        'Importer un extrait SIRENE « StockEtablissement » en CSV (tout ou rien ; mise à jour par SIRET ; dryRun=true : vérifier)',
      tags,
      access: writers,
      query: employerImportQuery,
      body: z.string('Fichier attendu.').min(1, 'Fichier vide.'),
      response: employerImportResult,
      handler: async (c) =>
        importSirene(c, c.body, { file: c.query.file || 'sirene.csv', dryRun: c.query.dryRun === 'true' }),
    })
  })
}
