import type { z } from 'zod'
import type { interviewInputSchema } from '../../../shared/accompaniment/interview.schema.ts'
import { AppError } from '../../errors.ts'
import type { ServiceCtx } from './accompaniment.checks.ts'
import { changeEvent, createEvent } from './events.service.ts'
import { createProposition } from './propositions.service.ts'
import { createSituation } from './situations.service.ts'

type InterviewInput = z.output<typeof interviewInputSchema>

/**
 * Records an interview in the request's one transaction: the event (created, or the agenda's attendance event completed
 * with the version read), each proposition dated on it, the change of situation. Each record gets its own audit line
 * (the services write them). A refusal of any part names its field under the part's path (`propositions.1.theme`) and
 * the transaction keeps nothing.
 */
export async function recordInterview(ctx: ServiceCtx, personId: string, input: InterviewInput) {
  const { id, version, ...fields } = input.event
  const event = await under('event', () =>
    id && version !== undefined
      ? changeEvent(ctx, personId, id, { ...fields, version })
      : createEvent(ctx, personId, fields),
  )
  const propositions = []
  for (const [i, p] of input.propositions.entries())
    propositions.push(
      await under(`propositions.${i}`, () => createProposition(ctx, personId, { ...p, date: event.date })),
    )
  const situation = input.situation
    ? await under('situation', () => createSituation(ctx, personId, input.situation!))
    : null
  return { event, propositions, situation }
}

/** Runs a part, its validation errors' fields put under `path`. */
async function under<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation' && error.fields.length)
      throw new AppError(
        error.code,
        error.message,
        error.fields.map((f) => ({ ...f, field: `${path}.${f.field}` })),
      )
    throw error
  }
}
