import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idParams } from '../../../shared/admin/admin.schema.ts'
import { dayIn } from '../../../shared/dates.ts'
import {
  counsellorOptionSchema,
  duplicateCandidateSchema,
  duplicateQuerySchema,
  personCreateSchema,
  personDetailSchema,
  personExportQuery,
  personSearchPageSchema,
  personSearchQuery,
  personUpdateSchema,
} from '../../../shared/persons/person.schema.ts'
import { receptionChoicesQuery, receptionChoicesSchema } from '../../../shared/persons/reception.schema.ts'
import type { Deps } from '../../deps.ts'
import { sendList } from '../../http/list-export.ts'
import { defineRoute } from '../../http/route.ts'
import { findDuplicates } from './duplicates.repository.ts'
import { auditFileOpened } from './file-read.ts'
import { noteRoutes } from './notes.routes.ts'
import { personPolicy } from './person.policy.ts'
import { personListColumns } from './person-list.export.ts'
import { listCounsellors } from './persons.repository.ts'
import { createPerson, readPerson, updatePerson } from './persons.service.ts'
import { receptionChoices } from './reception.service.ts'
import { exportPersons, searchPersons } from './search.repository.ts'
import { situationRoutes } from './situation.routes.ts'

const tags = ['Personnes']

/** The person file: search, duplicates, creation, identity; then its situation over time and its notes. */
export function personRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons',
    summary: 'Rechercher une personne (nom tolérant aux accents et aux fautes, date de naissance, téléphone)',
    tags,
    access: personPolicy.identity,
    query: personSearchQuery,
    response: personSearchPageSchema,
    read: true,
    handler: async ({ tx, actor, query, now }) => searchPersons(tx, actor, query, dayIn(now, actor.timeZone)),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/export',
    summary:
      'Les personnes trouvées (mêmes critères et filtres : programme, site, 26 ans, fin de CEJ) en CSV ou XLSX ; export tracé',
    tags,
    access: personPolicy.export,
    query: personExportQuery,
    handler: async (ctx) => {
      const { format, ...filters } = ctx.query
      const today = dayIn(ctx.now, ctx.actor.timeZone)
      const rows = await exportPersons(ctx.tx, ctx.actor, filters, today)
      return sendList(ctx, {
        list: 'persons',
        name: 'personnes',
        title: 'Personnes',
        today,
        columns: personListColumns,
        rows,
        format,
        filters,
      })
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons/duplicates',
    summary: 'Doublons probables dans toute la structure (hors de votre périmètre : nom, naissance, site et référent)',
    tags,
    access: personPolicy.duplicates,
    body: duplicateQuerySchema,
    response: z.array(duplicateCandidateSchema),
    handler: async ({ tx, actor, body, audit, now }) => {
      const found = await findDuplicates(tx, actor, body, dayIn(now, actor.timeZone))
      // Learning that someone is followed elsewhere is itself a disclosure: it leaves a trace.
      for (const c of found.filter((d) => !d.visible))
        await audit({
          action: 'duplicate.hidden_match',
          entity: 'person',
          entityId: c.personId,
          detail: { match: c.match },
        })
      return found
    },
  })

  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/persons',
    summary: 'Créer la fiche au premier accueil (identité, situation à l’entrée, référent)',
    tags,
    access: personPolicy.create,
    body: personCreateSchema,
    response: personDetailSchema,
    status: 201,
    handler: async (ctx) => createPerson(ctx, ctx.body, deps),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/reference/counsellors',
    summary: 'Conseillers actifs de la structure (référents possibles), avec leurs sites',
    tags,
    access: personPolicy.reference,
    response: z.array(counsellorOptionSchema),
    handler: async ({ tx, actor }) => listCounsellors(tx, actor.structureId),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/reference/reception',
    summary: 'Premier accueil : programmes d’accueil, celui retenu par défaut, référent suggéré (site et charge)',
    tags,
    access: personPolicy.create,
    query: receptionChoicesQuery,
    response: receptionChoicesSchema,
    handler: async ({ tx, actor, query, now }) =>
      receptionChoices(tx, actor.structureId, query.siteId, query.birthDate, dayIn(now, actor.timeZone)),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/persons/:id',
    summary: 'Fiche d’une personne : identité, contact, situation et statuts du jour (ouverture tracée)',
    tags,
    access: personPolicy.identity,
    params: idParams,
    response: personDetailSchema,
    read: true,
    handler: async (ctx) => {
      const person = await readPerson(ctx, ctx.params.id)
      await auditFileOpened(ctx, person.id)
      return person
    },
  })

  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/persons/:id',
    summary: 'Modifier l’identité, le contact, le site ou le référent (avec la version lue)',
    tags,
    access: personPolicy.editIdentity,
    params: idParams,
    body: personUpdateSchema,
    response: personDetailSchema,
    handler: async (ctx) => updatePerson(ctx, ctx.params.id, ctx.body),
  })

  situationRoutes(app, deps)
  noteRoutes(app, deps)
}
