import type { FastifyInstance } from 'fastify'
import {
  candidateParams,
  candidateSchema,
  candidateStatusInput,
  hireInput,
  matchListSchema,
  offerInput,
  offerListQuery,
  offerListSchema,
  offerParams,
  offerSchema,
  offerStatusInput,
  offerUpdateInput,
  placementSchema,
  positionInput,
} from '../../../shared/employment/offers.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { mailCandidateStatus } from './candidate-mail.ts'
import { employmentPolicy } from './employment.policy.ts'
import { matchOffer } from './matching.service.ts'
import { createOffer, editOffer, listOffers, moveCandidate, moveOffer, oneOffer, position } from './offers.service.ts'
import { hire } from './placements.service.ts'

const tags = ['Emploi : offres']
/** the counsellor withdraws one of their people; the department records the employer's answers */
const positionOrManage = [...new Set([...employmentPolicy.position, ...employmentPolicy.manage])]

/** The shared offer form, its broadcast, matching, candidates and hires (docs/employment/offers.md). */
export function offersRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/offers',
    summary: 'Les offres : toutes pour le service emploi, les offres ouvertes diffusées à ses sites pour le conseiller',
    tags,
    access: employmentPolicy.read,
    query: offerListQuery,
    response: offerListSchema,
    read: true,
    handler: async (c) => listOffers(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/offers',
    summary: 'Saisir une offre (fiche de prise d’offre) et la diffuser aux sites choisis',
    tags,
    access: employmentPolicy.manage,
    body: offerInput,
    response: offerSchema,
    status: 201,
    handler: async (c) => createOffer(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/offers/:id',
    summary: 'Une offre et ses candidats (ceux des dossiers que le lecteur voit)',
    tags,
    access: employmentPolicy.read,
    params: offerParams,
    response: offerSchema,
    read: true,
    handler: async (c) => oneOffer(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/employment/offers/:id',
    summary: 'Modifier une offre (un brouillon peut être ouvert par ce formulaire)',
    tags,
    access: employmentPolicy.manage,
    params: offerParams,
    body: offerUpdateInput,
    response: offerSchema,
    handler: async (c) => editOffer(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/offers/:id/status',
    summary: 'Changer le statut d’une offre (ouverte, pourvue, close, annulée)',
    tags,
    access: employmentPolicy.manage,
    params: offerParams,
    body: offerStatusInput,
    response: offerSchema,
    handler: async (c) => moveOffer(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/employment/offers/:id/matches',
    summary: 'Les personnes dont le projet correspond à l’offre (ROME, département, niveau, permis, disponibles)',
    tags,
    access: employmentPolicy.position,
    params: offerParams,
    response: matchListSchema,
    read: true,
    handler: async (c) => matchOffer(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/offers/:id/candidates',
    summary: 'Positionner une personne sur une offre ouverte',
    tags,
    access: employmentPolicy.position,
    params: offerParams,
    body: positionInput,
    response: candidateSchema,
    status: 201,
    handler: async (c) => position(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/candidates/:id/status',
    summary: 'Réponse de l’employeur (transmise, entretien, non retenu) ou retrait de la candidature',
    tags,
    access: positionOrManage,
    params: candidateParams,
    body: candidateStatusInput,
    response: candidateSchema,
    handler: async (c) => {
      const candidate = await moveCandidate(c, c.params.id, c.body)
      // the counsellor who positioned the person hears of it (not when she made the change herself)
      await mailCandidateStatus(deps, c, c.params.id, c.body)
      return candidate
    },
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/employment/candidates/:id/hire',
    summary: 'Recrutement : la situation d’emploi de la personne et ses suivis à 1, 3 et 6 mois',
    tags,
    access: employmentPolicy.manage,
    params: candidateParams,
    body: hireInput,
    response: placementSchema,
    status: 201,
    handler: async (c) => hire(c, c.params.id, c.body),
  })
}
