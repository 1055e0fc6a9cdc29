import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  programmeInput,
  programmeListSchema,
  programmeParams,
  programmeSchema,
  programmeUpdateInput,
} from '../../../shared/employment/immersions.schema.ts'
import type { Deps } from '../../deps.ts'
import { defineRoute } from '../../http/route.ts'
import { employmentPolicy } from './employment.policy.ts'
import { createProgramme, oneProgramme, programmeList, updateProgramme } from './immersion-programmes.service.ts'

const tags = ['Emploi : immersions']
const url = '/api/employment/immersion-programmes'

/** Immersion programmes and their modules' figures (docs/employment/immersions.md « Programmes »). */
export function immersionProgrammeRoutes(app: FastifyInstance, deps: Deps) {
  defineRoute(app, deps, {
    method: 'GET',
    url,
    summary: 'Les programmes d’immersions, leurs modules et, par module, personnes, validations et contrats',
    tags,
    access: employmentPolicy.read,
    query: z.object({ active: z.enum(['true', 'false']).optional() }),
    response: programmeListSchema,
    read: true,
    handler: async (c) => programmeList(c, c.query.active === 'true'),
  })
  defineRoute(app, deps, {
    method: 'GET',
    url: `${url}/:id`,
    summary: 'Un programme d’immersions : par module, les personnes, les validations, le taux et les contrats',
    tags,
    access: employmentPolicy.read,
    params: programmeParams,
    response: programmeSchema,
    read: true,
    handler: async (c) => oneProgramme(c, c.params.id),
  })
  defineRoute(app, deps, {
    method: 'POST',
    url,
    summary: 'Créer un programme d’immersions et ses modules',
    tags,
    access: employmentPolicy.manage,
    body: programmeInput,
    response: programmeSchema,
    status: 201,
    handler: async (c) => createProgramme(c, c.body),
  })
  defineRoute(app, deps, {
    method: 'PUT',
    url: `${url}/:id`,
    summary: 'Modifier un programme d’immersions et ses modules (un module qui a des immersions reste)',
    tags,
    access: employmentPolicy.manage,
    params: programmeParams,
    body: programmeUpdateInput,
    response: programmeSchema,
    handler: async (c) => updateProgramme(c, c.params.id, c.body),
  })
}
