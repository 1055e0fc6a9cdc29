import type { FastifyInstance } from 'fastify'
import { personParams } from '../../../shared/agenda/agenda.schema.ts'
import {
  arrivalInputSchema,
  arrivalResultSchema,
  changesSchema,
  keyFiguresQuery,
  keyFiguresSchema,
  personSummarySchema,
  siteObjectivesInputSchema,
  siteObjectivesSchema,
  teamAlertsSchema,
  yearParams,
} from '../../../shared/home/home.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { markArrival, undoArrival } from '../agenda/index.ts'
import { notify, withdrawOrCorrect } from '../notifications/index.ts'
import { markChangesSeen, recentChanges } from './changes.service.ts'
import { homePolicy } from './home.policy.ts'
import { keyFiguresOf, teamAlertsOf } from './key-figures.service.ts'
import { readSiteObjectives, saveSiteObjectives } from './site-objectives.repository.ts'
import { personSummary } from './summary.service.ts'

const tags = ['Pages d’accueil']

export function homeRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/home/arrivals',
    summary: 'Accueil : une personne attendue aujourd’hui est arrivée (le conseiller du rendez-vous est prévenu)',
    tags,
    access: homePolicy.arrivals,
    body: arrivalInputSchema,
    response: arrivalResultSchema,
    handler: async (ctx) => {
      const { tx, actor, body, now } = ctx
      const arrival = await markArrival(ctx, body.appointmentId, body.personId)
      const { person, start } = arrival
      await notify(
        tx,
        {
          structureId: actor.structureId,
          recipientId: arrival.counsellorId,
          text: `${person.firstName} ${person.lastName.toUpperCase()} est arrivé(e) pour son rendez-vous de ${start.replace(':', 'h')} (${arrival.siteName}).`,
          link: `/personnes/${person.id}`,
        },
        now,
      )
      return arrival.appointment
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/home/arrivals/undo',
    summary:
      'Accueil : annuler une arrivée signalée par erreur, le jour même (la notification du conseiller est retirée, ou corrigée s’il l’a lue)',
    tags,
    access: homePolicy.arrivals,
    body: arrivalInputSchema,
    response: arrivalResultSchema,
    handler: async (ctx) => {
      const { tx, actor, body, now } = ctx
      const undone = await undoArrival(ctx, body.appointmentId, body.personId)
      const { person, start } = undone
      await withdrawOrCorrect(
        tx,
        {
          structureId: actor.structureId,
          recipientId: undone.counsellorId,
          link: `/personnes/${person.id}`,
          sentAt: undone.arrivedAt,
        },
        `Correction : ${person.firstName} ${person.lastName.toUpperCase()} n’est pas arrivé(e) pour son rendez-vous de ${start.replace(':', 'h')} (${undone.siteName}) ; l’accueil avait signalé son arrivée par erreur.`,
        now,
      )
      return undone.appointment
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/home/changes',
    summary: 'Conseiller : ce que d’autres ont changé dans les dossiers que je suis, depuis ma dernière visite',
    tags,
    access: homePolicy.changes,
    read: true,
    response: changesSchema,
    handler: ({ tx, actor, now }) => recentChanges(tx, actor, now),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/home/changes/seen',
    summary: 'Conseiller : marquer les changements récents comme vus',
    tags,
    access: homePolicy.changes,
    response: changesSchema,
    handler: ({ tx, actor, now }) => markChangesSeen(tx, actor, now),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/home/key-figures',
    summary: 'Direction : les chiffres clés de l’année à ce jour, par site, face aux objectifs des sites',
    tags,
    access: homePolicy.keyFigures,
    query: keyFiguresQuery,
    response: keyFiguresSchema,
    handler: ({ tx, actor, query, now }) => keyFiguresOf(deps, tx, actor, query.year, now),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/home/team-alerts',
    summary: 'Direction : les personnes en alerte de contact par site et par conseiller',
    tags,
    access: homePolicy.teamAlerts,
    read: true,
    response: teamAlertsSchema,
    handler: ({ tx, actor, now }) => teamAlertsOf(tx, actor, now),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/site-objectives/:year',
    summary: 'Objectifs annuels des sites sur les chiffres clés',
    tags,
    access: homePolicy.objectivesRead,
    read: true,
    params: yearParams,
    response: siteObjectivesSchema,
    handler: ({ tx, actor, params }) => readSiteObjectives(tx, actor.structureId, params.year),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/site-objectives/:year',
    summary: 'Fixer, modifier ou retirer des objectifs de sites (chaque case avec la version lue : 409 si modifiée)',
    tags,
    access: homePolicy.objectivesManage,
    params: yearParams,
    body: siteObjectivesInputSchema,
    response: siteObjectivesSchema,
    handler: async ({ tx, actor, params, body, now, audit }) => {
      await saveSiteObjectives(tx, actor.structureId, actor.userId, params.year, body, now)
      await audit({
        action: 'update',
        entity: 'site_objective',
        entityId: null,
        detail: {
          year: params.year,
          items: body.items.map(({ siteId, figure, target }) => ({ siteId, figure, target })),
        },
      })
      return readSiteObjectives(tx, actor.structureId, params.year)
    },
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/summary',
    summary: 'Synthèse du dossier : situations et programmes en cours, prochain rendez-vous, derniers faits, alertes',
    tags,
    access: homePolicy.summary,
    read: true,
    params: personParams,
    response: personSummarySchema,
    handler: ({ tx, actor, params, now }) => personSummary(tx, actor, params.personId, now),
  })
}
