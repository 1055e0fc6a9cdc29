import type { FastifyInstance } from 'fastify'
import {
  employmentPersonParams,
  employmentWorklistSchema,
  followUpInput,
  followUpListQuery,
  followUpListSchema,
  followUpParams,
  followUpSchema,
  jobProjectInput,
  jobProjectListSchema,
  jobProjectSchema,
  jobProjectUpdateInput,
  personEmploymentSchema,
  placementListSchema,
  placementParams,
  placementSchema,
  projectParams,
} from '../../../shared/employment/offers.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { employmentPolicy } from './employment.policy.ts'
import { createProject, deleteProject, editProject, listProjects, personEmployment } from './job-projects.service.ts'
import { listFollowUps, listPlacements, onePlacement, recordFollowUp } from './placements.service.ts'
import { worklist } from './worklist.service.ts'

const tags = ['Emploi : recrutements et suivis']

/** Placements and their follow-ups, the worklist, a person's employment tab and job projects (docs/employment/offers.md). */
export function placementsRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/placements',
    summary: 'Les recrutements (des personnes que le lecteur voit), les plus récents d’abord',
    tags,
    access: employmentPolicy.read,
    response: placementListSchema,
    read: true,
    handler: async (c) => ({ items: await listPlacements(c) }),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/placements/:id',
    summary: 'Un recrutement et ses suivis à 1, 3 et 6 mois',
    tags,
    access: employmentPolicy.read,
    params: placementParams,
    response: placementSchema,
    read: true,
    handler: async (c) => onePlacement(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/follow-ups',
    summary: 'Les suivis de recrutement en retard, à faire sous 7 jours (alertes), sous 30 jours, ou tous',
    tags,
    access: employmentPolicy.read,
    query: followUpListQuery,
    response: followUpListSchema,
    read: true,
    handler: async (c) => listFollowUps(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/follow-ups/:id',
    summary: 'Enregistrer un suivi fait : date et résultat',
    tags,
    access: employmentPolicy.manage,
    params: followUpParams,
    body: followUpInput,
    response: followUpSchema,
    handler: async (c) => recordFollowUp(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/worklist',
    summary: 'À traiter : offres ouvertes, candidatures sans réponse depuis 7 jours, suivis dus, opérations en cours',
    tags,
    access: employmentPolicy.read,
    response: employmentWorklistSchema,
    read: true,
    handler: async (c) => worklist(c),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/persons/:personId',
    summary: 'L’onglet Emploi d’une personne : projets, candidatures, recrutements et suivis',
    tags,
    access: employmentPolicy.read,
    params: employmentPersonParams,
    response: personEmploymentSchema,
    read: true,
    handler: async (c) => personEmployment(c, c.params.personId),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/persons/:personId/projects',
    summary: 'Les projets professionnels (fiches ROME) d’une personne',
    tags,
    access: employmentPolicy.read,
    params: employmentPersonParams,
    response: jobProjectListSchema,
    read: true,
    handler: async (c) => listProjects(c, c.params.personId),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/persons/:personId/projects',
    summary: 'Ajouter un projet professionnel (fiche ROME)',
    tags,
    access: employmentPolicy.position,
    params: employmentPersonParams,
    body: jobProjectInput,
    response: jobProjectSchema,
    status: 201,
    handler: async (c) => createProject(c, c.params.personId, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/projects/:id',
    summary: 'Modifier un projet professionnel, ou le désactiver',
    tags,
    access: employmentPolicy.position,
    params: projectParams,
    body: jobProjectUpdateInput,
    response: jobProjectSchema,
    handler: async (c) => editProject(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/employment/projects/:id',
    summary: 'Supprimer un projet professionnel saisi par erreur',
    tags,
    access: employmentPolicy.position,
    params: projectParams,
    status: 204,
    handler: async (c) => {
      await deleteProject(c, c.params.id)
      return null
    },
  })
}
