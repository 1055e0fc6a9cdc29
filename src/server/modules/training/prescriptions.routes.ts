import type { FastifyInstance } from 'fastify'
import {
  bodyAnswerInput,
  cancelInput,
  departmentDecisionInput,
  entryInput,
  exitInput,
  prescriptionInput,
  prescriptionListQuery,
  prescriptionListSchema,
  prescriptionParams,
  prescriptionPersonParams,
  prescriptionSchema,
  resubmitInput,
  worklistSchema,
} from '../../../shared/training/prescriptions.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { officerGuard, recordAnswer, recordEntry, recordExit } from './answers.service.ts'
import {
  cancel,
  convocationPdf,
  decide,
  filePrescription,
  listPrescriptions,
  onePrescription,
  personPrescriptions,
  resubmit,
} from './prescriptions.service.ts'
import { trainingPolicy } from './training.policy.ts'
import { worklist } from './worklist.service.ts'

const tags = ['Formation : prescriptions']
const officer = { guard: officerGuard, portal: false }
/** the counsellor (her persons' prescriptions) and the department cancel before the entry */
const prescribeOrManage = [...new Set([...trainingPolicy.prescribe, ...trainingPolicy.manage])]

/** The counsellor's prescriptions and the training department's answers (docs/training/prescriptions.md). */
export function prescriptionRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/training/prescriptions',
    summary: 'Les prescriptions de formation d’une personne, avec leur historique',
    tags,
    access: trainingPolicy.read,
    params: prescriptionPersonParams,
    response: prescriptionListSchema,
    read: true,
    handler: async (c) => personPrescriptions(c, c.params.personId),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/:personId/training/prescriptions',
    summary: 'Prescrire une session de formation (ouverte, pas commencée, candidatures ouvertes) avec l’argumentaire',
    tags,
    access: trainingPolicy.prescribe,
    params: prescriptionPersonParams,
    body: prescriptionInput,
    response: prescriptionSchema,
    status: 201,
    handler: async (c) => filePrescription(c, c.params.personId, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/prescriptions',
    summary: 'Les prescriptions de la structure (département formation), filtrées par statut, session, organisme',
    tags,
    access: trainingPolicy.wholeStructure,
    query: prescriptionListQuery,
    response: prescriptionListSchema,
    read: true,
    handler: async (c) => listPrescriptions(c, c.query),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/worklist',
    summary:
      'Le travail du chargé de formation : à valider, compléments, réponses en retard, sessions qui se remplissent',
    tags,
    access: trainingPolicy.manage,
    response: worklistSchema,
    read: true,
    handler: async (c) => worklist(c),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/prescriptions/:id',
    summary: 'Une prescription de formation et son historique',
    tags,
    access: trainingPolicy.read,
    params: prescriptionParams,
    response: prescriptionSchema,
    read: true,
    handler: async (c) => onePrescription(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/training/prescriptions/:id/argument',
    summary: 'Déposer à nouveau une prescription après une demande de complément',
    tags,
    access: trainingPolicy.prescribe,
    params: prescriptionParams,
    body: resubmitInput,
    response: prescriptionSchema,
    handler: async (c) => resubmit(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/prescriptions/:id/decision',
    summary: 'Décision du département formation : validée (convocation), refusée ou complément demandé',
    tags,
    access: trainingPolicy.manage,
    params: prescriptionParams,
    body: departmentDecisionInput,
    response: prescriptionSchema,
    handler: async (c) => decide(c, c.deps, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/prescriptions/:id/answer',
    summary: 'Réponse de l’organisme saisie pour lui : présence, tests, retenu, liste complémentaire ou non retenu',
    tags,
    access: trainingPolicy.manage,
    params: prescriptionParams,
    body: bodyAnswerInput,
    response: prescriptionSchema,
    handler: async (c) => recordAnswer(c, c.params.id, c.body, officer),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/prescriptions/:id/entry',
    summary: 'Entrée en formation (crée la situation de formation de la personne)',
    tags,
    access: trainingPolicy.manage,
    params: prescriptionParams,
    body: entryInput,
    response: prescriptionSchema,
    handler: async (c) => recordEntry(c, c.params.id, c.body, officer),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/prescriptions/:id/exit',
    summary: 'Sortie de formation et résultat (termine la situation de formation)',
    tags,
    access: trainingPolicy.manage,
    params: prescriptionParams,
    body: exitInput,
    response: prescriptionSchema,
    handler: async (c) => recordExit(c, c.params.id, c.body, officer),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/training/prescriptions/:id/cancel',
    summary: 'Annuler une prescription avant l’entrée en formation',
    tags,
    access: prescribeOrManage,
    params: prescriptionParams,
    body: cancelInput,
    response: prescriptionSchema,
    handler: async (c) => cancel(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/training/prescriptions/:id/convocation.pdf',
    summary: 'La convocation à l’information collective (PDF), une fois la prescription validée',
    tags,
    access: trainingPolicy.read,
    params: prescriptionParams,
    read: true,
    handler: async (c) => {
      const { pdf, p } = await convocationPdf(c, c.params.id)
      c.reply.header('content-type', 'application/pdf')
      c.reply.header(
        'content-disposition',
        `attachment; filename="convocation-${p.person.lastName.replace(/[^\w-]/g, '_')}.pdf"`,
      )
      return pdf
    },
  })
}
