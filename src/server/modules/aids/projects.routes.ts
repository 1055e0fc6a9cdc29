import type { FastifyInstance } from 'fastify'
import {
  indirectDeleteQuery,
  indirectInput,
  indirectListQuery,
  indirectListSchema,
  indirectParams,
  indirectSchema,
  indirectUpdateInput,
} from '../../../shared/aids/indirect.schema.ts'
import {
  holidayAidsInput,
  holidayAidsSchema,
  personProjectsParams,
  presentationInput,
  projectDecisionInput,
  projectInput,
  projectListQuery,
  projectListSchema,
  projectOutcomeInput,
  projectParams,
  projectSchema,
  projectUpdateInput,
} from '../../../shared/aids/projects.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { aidsPolicy } from './aids.policy.ts'
import { changeIndirect, createIndirect, indirectOfYear, removeIndirect } from './indirect.service.ts'
import {
  changeProject,
  closeProject,
  createHolidayAids,
  createProject,
  decideProject,
  listProjects,
  personProjects,
  presentProject,
  readProject,
} from './projects.service.ts'

/** The aids' youth projects (CLAP), holiday projects and their aids, and the indirect aids (docs/aids.md). */
export function projectRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Aides : projets']
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/projects',
    summary: 'Projets de jeunes (CLAP) et projets vacances, par fonds, année et statut (porteurs visibles du lecteur)',
    tags,
    access: aidsPolicy.read,
    query: projectListQuery,
    response: projectListSchema,
    read: true,
    handler: async (c) => listProjects(c, c.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/projects/:id',
    summary: 'Un projet : porteurs, budget, comité, décision, suite, aides aux vacances',
    tags,
    access: aidsPolicy.read,
    params: projectParams,
    response: projectSchema,
    read: true,
    handler: async (c) => readProject(c, c.params.id),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/aids/projects',
    summary: 'Les projets (CLAP, vacances) dont la personne est porteuse',
    tags,
    access: aidsPolicy.read,
    params: personProjectsParams,
    response: projectListSchema,
    read: true,
    handler: async (c) => personProjects(c, c.params.personId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/projects',
    summary:
      'Ouvrir un projet (fonds CLAP ou vacances, forme, nature, porteurs, budget et montant demandé en centimes)',
    tags,
    access: aidsPolicy.manage,
    body: projectInput,
    response: projectSchema,
    status: 201,
    handler: async (c) => createProject(c, c.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/aids/projects/:id',
    summary: 'Modifier un projet non décidé (avec la version lue)',
    tags,
    access: aidsPolicy.manage,
    params: projectParams,
    body: projectUpdateInput,
    response: projectSchema,
    handler: async (c) => changeProject(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/projects/:id/presentation',
    summary: 'Présenter le projet au comité (une commission du fonds, ou une date)',
    tags,
    access: aidsPolicy.manage,
    params: projectParams,
    body: presentationInput,
    response: projectSchema,
    handler: async (c) => presentProject(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/projects/:id/decision',
    summary: 'Décision du comité : financé (dans l’enveloppe de l’année du fonds), refusé ou ajourné',
    tags,
    access: aidsPolicy.manage,
    params: projectParams,
    body: projectDecisionInput,
    response: projectSchema,
    handler: async (c) => decideProject(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/projects/:id/outcome',
    summary: 'Suite du projet : réalisé (suivi, emplois créés) ou abandonné',
    tags,
    access: aidsPolicy.manage,
    params: projectParams,
    body: projectOutcomeInput,
    response: projectSchema,
    handler: async (c) => closeProject(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/projects/:id/holiday-aids',
    summary: 'Demander l’aide aux vacances (montant forfaitaire du fonds) pour chaque porteur du projet, en une fois',
    tags,
    access: aidsPolicy.manage,
    params: projectParams,
    body: holidayAidsInput,
    response: holidayAidsSchema,
    status: 201,
    handler: async (c) => createHolidayAids(c, c.params.id, c.body.version),
  })

  indirectRoutes(app, deps)
}

function indirectRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Aides : aides indirectes']
  const readers = [...new Set([...aidsPolicy.manage, ...aidsPolicy.wholeStructure])]
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/indirect',
    summary: 'Aides indirectes d’une année (par fonds), avec leur total en centimes',
    tags,
    access: readers,
    query: indirectListQuery,
    response: indirectListSchema,
    read: true,
    handler: async (c) => indirectOfYear(c, c.query),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/indirect',
    summary: 'Enregistrer une aide indirecte (fonds, date, intitulé, montant en centimes, participants)',
    tags,
    access: aidsPolicy.manage,
    body: indirectInput,
    response: indirectSchema,
    status: 201,
    handler: async (c) => createIndirect(c, c.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/aids/indirect/:id',
    summary: 'Modifier une aide indirecte (avec la version lue)',
    tags,
    access: aidsPolicy.manage,
    params: indirectParams,
    body: indirectUpdateInput,
    response: indirectSchema,
    handler: async (c) => changeIndirect(c, c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/aids/indirect/:id',
    summary: 'Supprimer une aide indirecte (avec la version lue ; tracé dans le journal)',
    tags,
    access: aidsPolicy.manage,
    params: indirectParams,
    query: indirectDeleteQuery,
    status: 204,
    handler: async (c) => removeIndirect(c, c.params.id, c.query.version),
  })
}
