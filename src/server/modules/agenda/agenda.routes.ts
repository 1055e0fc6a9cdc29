import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../../shared/admin/admin.schema.ts'
import { appointmentListSchema, personParams } from '../../../shared/agenda/agenda.schema.ts'
import {
  contactInputSchema,
  contactSchema,
  feedCreatedSchema,
  feedParams,
  feedStateSchema,
  messageSchema,
  roomInputSchema,
  roomSchema,
  roomUpdateSchema,
  templateInputSchema,
  templateKeyParams,
  templateSchema,
} from '../../../shared/agenda/messages.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { agendaPolicy } from './agenda.policy.ts'
import { appointmentRoutes } from './appointments.routes.ts'
import { feedCalendar, feedState, regenerateFeed, revokeFeed } from './feed.service.ts'
import { personAgenda, recordContact } from './person-agenda.service.ts'
import { scheduleReminders } from './reminders.job.ts'
import { changeRoom, createRoom, rooms } from './rooms.service.ts'
import { smsDeliveryRoutes } from './sms/delivery.routes.ts'
import { editTemplate, templates } from './templates.service.ts'

export function agendaRoutes(app: FastifyInstance, deps: Deps) {
  appointmentRoutes(app, deps)
  const ctx = <C extends { tx: unknown }>(c: C) => ({ ...c, deps }) as C & { deps: Deps }

  // The person file's tab ------------------------------------------------------------------------------------
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:personId/agenda',
    summary: 'Rendez-vous passés et à venir de la personne, messages envoyés, consentement et canal',
    tags: ['Agenda : dossier'],
    access: agendaPolicy.personTab,
    params: personParams,
    response: z.object({
      appointments: appointmentListSchema,
      messages: z.array(messageSchema),
      contact: contactSchema,
    }),
    read: true,
    handler: async (c) => personAgenda(ctx(c), c.params.personId),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:personId/agenda/contact',
    summary: 'Consentement aux messages et canal préféré de la personne (avec la version lue, 0 la première fois)',
    tags: ['Agenda : dossier'],
    access: agendaPolicy.contact,
    params: personParams,
    body: contactInputSchema,
    response: contactSchema,
    handler: async (c) => recordContact(ctx(c), c.params.personId, c.body),
  })

  // Rooms and message templates (admin) --------------------------------------------------------------------------
  const admin = ['Agenda : paramètres']
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/agenda/rooms',
    summary: 'Salles par site',
    tags: admin,
    access: agendaPolicy.rooms,
    response: z.array(roomSchema),
    read: true,
    handler: async (c) => rooms(c),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/rooms',
    summary: 'Ajouter une salle',
    tags: admin,
    access: agendaPolicy.manage,
    body: roomInputSchema,
    response: roomSchema,
    status: 201,
    handler: async (c) => createRoom(ctx(c), c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/agenda/rooms/:id',
    summary: 'Modifier une salle (avec la version lue)',
    tags: admin,
    access: agendaPolicy.manage,
    params: idParams,
    body: roomUpdateSchema,
    response: roomSchema,
    handler: async (c) => changeRoom(ctx(c), c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/agenda/templates',
    summary: 'Modèles des convocations et rappels (courriel, SMS)',
    tags: admin,
    access: agendaPolicy.manage,
    response: z.array(templateSchema),
    read: true,
    handler: async (c) => templates(c),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/agenda/templates/:key',
    summary: 'Modifier un modèle (avec la version lue, 0 tant que c’est le texte par défaut)',
    tags: admin,
    access: agendaPolicy.manage,
    params: templateKeyParams,
    body: templateInputSchema,
    response: templateSchema,
    handler: async (c) => editTemplate(ctx(c), c.params.key, c.body),
  })

  // The private iCal feed ------------------------------------------------------------------------------------
  const feedTags = ['Agenda : calendrier privé']
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/agenda/feed',
    summary: 'Mon calendrier privé : existe-t-il ?',
    tags: feedTags,
    access: agendaPolicy.feed,
    response: feedStateSchema,
    read: true,
    handler: async (c) => feedState(c),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/feed',
    summary: 'Créer ou régénérer le lien de mon calendrier privé (l’ancien lien cesse de fonctionner)',
    tags: feedTags,
    access: agendaPolicy.feed,
    response: feedCreatedSchema,
    status: 201,
    handler: async (c) => regenerateFeed(ctx(c)),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/agenda/feed',
    summary: 'Révoquer le lien de mon calendrier privé',
    tags: feedTags,
    access: agendaPolicy.feed,
    status: 204,
    handler: async (c) => revokeFeed(ctx(c)),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/agenda/feed/:token',
    summary: 'Calendrier privé d’un conseiller (iCal) ; le lien est la clé',
    tags: feedTags,
    access: agendaPolicy.feedRead,
    params: feedParams,
    read: true,
    handler: async (c) => {
      const body = await feedCalendar(c.tx, deps, c.params.token.slice(0, -'.ics'.length))
      c.reply.header('content-type', 'text/calendar; charset=utf-8')
      return body
    },
  })

  // The SMS provider's delivery reports (webhook)
  smsDeliveryRoutes(app, deps)

  // The reminders' scheduler: inside the server, stopped with it
  if (deps.config.agendaReminderSeconds > 0) {
    let job: { stop(): void } | undefined
    app.addHook('onReady', async () => {
      job = scheduleReminders(deps, deps.config.agendaReminderSeconds)
    })
    app.addHook('onClose', async () => job?.stop())
  }
}
