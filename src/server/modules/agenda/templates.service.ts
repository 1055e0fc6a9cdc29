import type { z } from 'zod'
import {
  type Template,
  type TemplateKey,
  type templateInputSchema,
  templateKeys,
} from '../../../shared/agenda/messages.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { AppError } from '../../errors.ts'
import type { AgendaCtx } from './appointments.service.ts'
import { findTemplate, listTemplates, saveTemplate } from './messages.repository.ts'
import { defaultTemplates } from './templates.ts'

/** The structure's four templates: its edited ones, the French defaults for the others. */
export async function templates(ctx: Pick<AgendaCtx, 'tx' | 'actor'>): Promise<Template[]> {
  const saved = await listTemplates(ctx.tx, ctx.actor.structureId)
  return templateKeys.map((key) => {
    const row = saved.find((s) => s.key === key)
    const t = row ?? defaultTemplates[key]
    return { key, subject: t.subject, body: t.body, custom: !!row, version: row?.version ?? 0 }
  })
}

export async function editTemplate(ctx: AgendaCtx, key: TemplateKey, input: z.output<typeof templateInputSchema>) {
  const mail = key.endsWith('_email')
  if (mail && !input.subject)
    throw new AppError('validation', 'Objet requis.', [{ field: 'subject', message: 'Objet requis.' }])
  await ensureUpdated(
    await saveTemplate(ctx.tx, ctx.actor.structureId, key, input.version, {
      subject: mail ? input.subject : null,
      body: input.body,
      updated_at: ctx.now,
      updated_by: ctx.actor.userId,
    }),
    async () => input.version === 0 || !!(await findTemplate(ctx.tx, ctx.actor.structureId, key)),
    'Ce modèle',
  )
  await ctx.audit({ action: 'update', entity: 'agenda_template', entityId: null, detail: { key } })
  return (await templates(ctx)).find((t) => t.key === key)!
}
