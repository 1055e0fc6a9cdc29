import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  aidYearQuery,
  envelopeInputSchema,
  envelopeParams,
  envelopeSchema,
  envelopeUpdateSchema,
  fundInputSchema,
  fundListQuery,
  fundParams,
  fundSchema,
  fundUpdateSchema,
  fundYearSchema,
  versionQuery,
} from '../../../shared/aids/funds.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { aidsPolicy } from './aids.policy.ts'
import { changeEnvelope, createEnvelope, fundYear, removeEnvelope } from './envelopes.service.ts'
import { changeFund, createFund, fundList, oneFund, removeFund } from './funds.service.ts'

/** The aids' routes: the funds and their envelopes (docs/aids.md « Funds and envelopes »). */
export function fundRoutes(app: FastifyInstance, deps: Deps) {
  const tags = ['Aides : fonds']
  /** who reads the funds: who asks, decides and reads the requests, and who sets the funds up */
  const readers = [...new Set([...aidsPolicy.read, ...aidsPolicy.setup])]
  /** who reads the envelopes' figures: who sets them up, and who sees the whole structure's aids */
  const envelopeReaders = [...new Set([...aidsPolicy.setup, ...aidsPolicy.wholeStructure])]

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/funds',
    summary: 'Les fonds d’aides de la structure (actifs seulement avec active=true)',
    tags,
    access: readers,
    query: fundListQuery,
    response: z.array(fundSchema),
    read: true,
    handler: async (c) => fundList(c, c.query.active === undefined ? undefined : c.query.active === 'true'),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/funds/:id',
    summary: 'Un fonds : objets, voies, modes de paiement, pièces, plafonds, éligibilité, période',
    tags,
    access: readers,
    params: fundParams,
    response: fundSchema,
    read: true,
    handler: async (c) => oneFund(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/funds',
    summary: 'Créer un fonds (code unique dans la structure)',
    tags,
    access: aidsPolicy.setup,
    body: fundInputSchema,
    response: fundSchema,
    status: 201,
    handler: async (c) => createFund(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/aids/funds/:id',
    summary: 'Modifier un fonds (avec la version lue) ; active=false le désactive',
    tags,
    access: aidsPolicy.setup,
    params: fundParams,
    body: fundUpdateSchema,
    response: fundSchema,
    handler: async (c) => changeFund(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/aids/funds/:id',
    summary: 'Supprimer un fonds sans demande (et ses enveloppes) ; sinon 409 : le désactiver',
    tags,
    access: aidsPolicy.setup,
    params: fundParams,
    query: versionQuery,
    status: 204,
    handler: async (c) => removeFund(c, c.params.id, c.query.version),
  })

  defineRoute(app, deps, {
    method: 'GET',
    url: '/api/aids/funds/:id/envelopes',
    summary: 'L’année d’un fonds : alloué (ses enveloppes par financeur), engagé, payé, reste (centimes)',
    tags,
    access: envelopeReaders,
    params: fundParams,
    query: aidYearQuery,
    response: fundYearSchema,
    read: true,
    handler: async (c) => fundYear(c, c.params.id, c.query.year),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url: '/api/aids/funds/:id/envelopes',
    summary: 'Enregistrer l’enveloppe d’un financeur pour une année (une par fonds, année et financeur)',
    tags,
    access: aidsPolicy.setup,
    params: fundParams,
    body: envelopeInputSchema,
    response: envelopeSchema,
    status: 201,
    handler: async (c) => createEnvelope(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: '/api/aids/envelopes/:id',
    summary: 'Modifier une enveloppe (avec la version lue ; jamais sous ce que l’année a engagé)',
    tags,
    access: aidsPolicy.setup,
    params: envelopeParams,
    body: envelopeUpdateSchema,
    response: envelopeSchema,
    handler: async (c) => changeEnvelope(c, c.params.id, c.body),
  })
  defineRoute(app, deps, {
    method: 'DELETE',
    url: '/api/aids/envelopes/:id',
    summary: 'Supprimer une enveloppe (avec la version lue ; jamais sous ce que l’année a engagé)',
    tags,
    access: aidsPolicy.setup,
    params: envelopeParams,
    query: versionQuery,
    status: 204,
    handler: async (c) => removeEnvelope(c, c.params.id, c.query.version),
  })
}
