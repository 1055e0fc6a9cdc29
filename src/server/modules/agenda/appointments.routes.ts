import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  appointmentInputSchema,
  appointmentListQuery,
  appointmentListSchema,
  appointmentMoveSchema,
  appointmentParams,
  appointmentPersonParams,
  appointmentSchema,
  appointmentUpdateSchema,
  attendanceInputSchema,
  cancelSchema,
  seriesInputSchema,
  seriesSchema,
} from '../../../shared/agenda/agenda.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { agendaPolicy } from './agenda.policy.ts'
import {
  cancelAppointment,
  changeAppointment,
  createAppointment,
  listForActor,
  moveAppointment,
  readAppointment,
  sendConvocations,
} from './appointments.service.ts'
import { markAttendance } from './attendance.service.ts'
import { createSeries } from './series.service.ts'

const tags = ['Agenda : rendez-vous']
const convocationResult = z.object({
  results: z.array(
    z.object({ personId: z.string(), status: z.enum(['sent', 'failed', 'skipped']), error: z.string().nullable() }),
  ),
})

export function appointmentRoutes(app: FastifyInstance, deps: Deps) {
  const ctx = <C extends { tx: unknown }>(c: C) => ({ ...c, deps }) as C & { deps: Deps }

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/agenda/appointments',
    summary: 'Rendez-vous d’une période (jour, semaine, liste), par conseiller, site ou salle, avec les conflits',
    tags,
    access: agendaPolicy.read,
    query: appointmentListQuery,
    response: appointmentListSchema,
    read: true,
    handler: async (c) => listForActor(ctx(c), c.query),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/agenda/appointments/:id',
    summary: 'Un rendez-vous',
    tags,
    access: agendaPolicy.read,
    params: appointmentParams,
    response: appointmentSchema,
    read: true,
    handler: async (c) => readAppointment(ctx(c), c.params.id),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/appointments',
    summary: 'Prendre un rendez-vous (refusé s’il chevauche un autre du conseiller, de la salle ou d’une personne)',
    tags,
    access: agendaPolicy.book,
    body: appointmentInputSchema,
    response: appointmentSchema,
    status: 201,
    handler: async (c) => createAppointment(ctx(c), c.body),
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/agenda/appointments/:id',
    summary: 'Modifier un rendez-vous (avec la version lue)',
    tags,
    access: agendaPolicy.book,
    params: appointmentParams,
    body: appointmentUpdateSchema,
    response: appointmentSchema,
    handler: async (c) => changeAppointment(ctx(c), c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/appointments/:id/move',
    summary: 'Déplacer un rendez-vous (glisser dans le calendrier)',
    tags,
    access: agendaPolicy.book,
    params: appointmentParams,
    body: appointmentMoveSchema,
    response: appointmentSchema,
    handler: async (c) => moveAppointment(ctx(c), c.params.id, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/appointments/:id/cancel',
    summary: 'Annuler un rendez-vous (il reste dans le dossier)',
    tags,
    access: agendaPolicy.book,
    params: appointmentParams,
    body: cancelSchema,
    response: appointmentSchema,
    handler: async (c) => cancelAppointment(ctx(c), c.params.id, c.body.version),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/appointments/:id/persons/:personId/attendance',
    summary: 'Présent, absent ou excusé (un événement du suivi de la personne)',
    tags,
    access: agendaPolicy.book,
    params: appointmentPersonParams,
    body: attendanceInputSchema,
    response: appointmentSchema,
    handler: async (c) => markAttendance(ctx(c), c.params.id, c.params.personId, c.body),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/appointments/:id/convocations',
    summary: 'Envoyer la convocation à chaque personne du rendez-vous (courriel avec invitation .ics ou SMS)',
    tags,
    access: agendaPolicy.book,
    params: appointmentParams,
    response: convocationResult,
    handler: async (c) => sendConvocations(ctx(c), c.params.id),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/appointments/:id/persons/:personId/convocation',
    summary: 'Envoyer la convocation à une personne du rendez-vous',
    tags,
    access: agendaPolicy.book,
    params: appointmentPersonParams,
    response: convocationResult,
    handler: async (c) => sendConvocations(ctx(c), c.params.id, c.params.personId),
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/agenda/series',
    summary: 'Créer une permanence : des créneaux répétés selon une règle (RFC 5545)',
    tags,
    access: agendaPolicy.book,
    body: seriesInputSchema,
    response: seriesSchema,
    status: 201,
    handler: async (c) => createSeries(ctx(c), c.body),
  })
}
