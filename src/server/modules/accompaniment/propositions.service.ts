import type { z } from 'zod'
import type {
  Proposition,
  PropositionThemeItem,
  propositionInputSchema,
  propositionListQuery,
} from '../../../shared/accompaniment/accompaniment.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import { forbidden, notFound } from '../../errors.ts'
import { canSeeSensitive, loadVisiblePerson } from '../persons/person.policy.ts'
import { invalid, type ServiceCtx } from './accompaniment.checks.ts'
import {
  findPropositionRow,
  getProposition,
  insertProposition,
  listPropositions,
  loadThemes,
  type PropositionValues,
  updateProposition,
} from './propositions.repository.ts'

type PropositionInput = z.output<typeof propositionInputSchema>

/** Every answer that shows a health proposition leaves a trace: who read which, when. */
async function auditSensitiveRead(ctx: ServiceCtx, personId: string, shown: Proposition[]) {
  const ids = shown.filter((p) => p.sensitive).map((p) => p.id)
  if (ids.length)
    await ctx.audit({ action: 'sensitive.read', entity: 'person', entityId: personId, detail: { propositionIds: ids } })
}

/** The theme must be on the structure's list (and still active when newly chosen), and belong to the domain. */
function checkTheme(
  themes: Map<string, PropositionThemeItem>,
  input: PropositionInput,
  unchangedTheme?: string,
): PropositionThemeItem {
  const theme = themes.get(input.theme)
  if (!theme || (!theme.active && input.theme !== unchangedTheme))
    throw invalid('theme', 'Ce thème n’existe pas dans la liste de la structure.')
  if (theme.domain !== input.domain) throw invalid('domain', 'Ce thème n’appartient pas au domaine choisi.')
  return theme
}

const values = (input: PropositionInput): PropositionValues => ({
  date: input.date,
  domain: input.domain,
  theme: input.theme,
  text: input.text,
  outcome: input.outcome,
  duration_minutes: input.durationMinutes,
})

// The audit line names the act, not its text; a health proposition is not named as such in the trail.
const auditDetail = (personId: string, v: PropositionValues, sensitive: boolean) => ({
  personId,
  date: v.date,
  domain: v.domain,
  ...(sensitive ? { sensitive: true } : { theme: v.theme }),
  outcome: v.outcome,
})

export async function listPersonPropositions(
  ctx: ServiceCtx,
  personId: string,
  query: z.output<typeof propositionListQuery>,
) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const themes = await loadThemes(ctx.tx, ctx.actor.structureId)
  const hide = canSeeSensitive(ctx.actor, person)
    ? []
    : [...themes.values()].filter((t) => t.sensitive).map((t) => t.code)
  const page = await listPropositions(ctx.tx, person.id, query, themes, hide)
  await auditSensitiveRead(ctx, person.id, page.items)
  return page
}

export async function createProposition(ctx: ServiceCtx, personId: string, input: PropositionInput) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const themes = await loadThemes(ctx.tx, ctx.actor.structureId)
  const theme = checkTheme(themes, input)
  if (theme.sensitive && !canSeeSensitive(ctx.actor, person)) throw forbidden()
  const v = values(input)
  const id = await insertProposition(
    ctx.tx,
    { structureId: ctx.actor.structureId, personId: person.id, counsellorId: ctx.actor.userId, siteId: person.site_id },
    v,
  )
  await ctx.audit({
    action: 'create',
    entity: 'proposition',
    entityId: id,
    detail: auditDetail(person.id, v, theme.sensitive),
  })
  const created = (await getProposition(ctx.tx, person.id, id, themes))!
  await auditSensitiveRead(ctx, person.id, [created])
  return created
}

export async function changeProposition(
  ctx: ServiceCtx,
  personId: string,
  id: string,
  input: PropositionInput & { version: number },
) {
  const person = await loadVisiblePerson(ctx.tx, ctx.actor, personId, ctx.now)
  const themes = await loadThemes(ctx.tx, ctx.actor.structureId)
  const current = await findPropositionRow(ctx.tx, person.id, id)
  const mayRead = canSeeSensitive(ctx.actor, person)
  // a health proposition the user may not see does not exist for them
  if (!current || (themes.get(current.theme)?.sensitive && !mayRead)) throw notFound('Cette proposition')
  const theme = checkTheme(themes, input, current.theme)
  if (theme.sensitive && !mayRead) throw forbidden()
  const v = values(input)
  await ensureUpdated(
    await updateProposition(ctx.tx, person.id, id, input.version, v),
    async () => !!(await findPropositionRow(ctx.tx, person.id, id)),
    'Cette proposition',
  )
  await ctx.audit({
    action: 'update',
    entity: 'proposition',
    entityId: id,
    detail: auditDetail(person.id, v, theme.sensitive),
  })
  const updated = (await getProposition(ctx.tx, person.id, id, themes))!
  await auditSensitiveRead(ctx, person.id, [updated])
  return updated
}
