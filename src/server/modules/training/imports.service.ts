import { sql } from 'kysely'
import type { z } from 'zod'
import { siretError } from '../../../shared/siret.ts'
import { actionInput, bodyInput, sessionInput } from '../../../shared/training/catalogue.schema.ts'
import type { CatalogueImportResult } from '../../../shared/training/catalogue-io.schema.ts'
import { AppError } from '../../errors.ts'
import {
  actionValues,
  bodyValues,
  insertAction,
  insertBody,
  insertSession,
  sessionValues,
} from './catalogue.repository.ts'
import { parseCatalogueCsv } from './catalogue-csv.ts'
import {
  type CatalogueFile,
  CatalogueImportFailed,
  formatIssue,
  type ImportIssue,
  MAX_ISSUES,
  type Places,
  type Pos,
} from './imports.model.ts'
import { bodyByKey, byLheoId, importUpdate, lockImports } from './imports.repository.ts'
import { parseLheo } from './lheo.ts'
import { lockSession, placesTaken } from './sessions.repository.ts'
import type { TrainingCtx } from './training-ctx.ts'

// The catalogue's imports (docs/training/catalogue.md « Imports »): the whole file or nothing, in a savepoint of the
// request's transaction; a dry run checks and counts, then rolls back. A re-import finds its rows by the funder's id
// (lheo_id) and updates them; one import at a time per structure, so two identical files sent together leave one copy.

export type CatalogueFormat = 'lheo' | 'csv'
/** stands for the parent's id while a record is checked alone (the parent is resolved when it is written) */
const PENDING = '00000000-0000-4000-8000-000000000000'

/** Checks each record against the API's own schemas; an issue names the place its value came from. */
export function checkFile(f: CatalogueFile) {
  const issues = [...f.issues]
  const add = (pos: Pos, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ file: f.file, ...pos, message })
  }
  const check = <S extends z.ZodType>(schema: S, input: unknown, pos: Pos, places: Places): z.output<S> | null => {
    const r = schema.safeParse(input)
    if (r.success) return r.data
    for (const i of r.error.issues) add(places[String(i.path[0])] ?? pos, `${String(i.path[0] ?? '')} : ${i.message}`)
    return null
  }
  const bodies = f.bodies.map((b) => {
    const wrong = b.values.siret ? siretError(b.values.siret) : null
    if (wrong) add(b.places.siret ?? b.pos, wrong)
    return { key: b.key, input: check(bodyInput, { ...b.values, active: true }, b.pos, b.places) }
  })
  const bodyKeys = new Set(f.bodies.map((b) => b.key))
  const actions = f.actions.map((a) => {
    if (!bodyKeys.has(a.bodyKey)) add(a.pos, 'organisme inconnu')
    const input = check(actionInput, { ...a.values, bodyId: PENDING, active: true }, a.pos, a.places)
    return { key: a.key, bodyKey: a.bodyKey, input }
  })
  const actionKeys = new Set(f.actions.map((a) => a.key))
  const seen = new Set<string>()
  const sessions = f.sessions.map((s) => {
    if (!actionKeys.has(s.actionKey)) add(s.pos, `action inconnue « ${s.actionKey} »`)
    if (seen.has(s.key)) add(s.pos, `session en double « ${s.key} »`)
    seen.add(s.key)
    const input = check(sessionInput, { ...s.values, actionId: PENDING, infoSessionAt: null }, s.pos, s.places)
    return { key: s.key, actionKey: s.actionKey, pos: s.pos, placesPos: s.places.places ?? s.pos, input }
  })
  return { issues, bodies, actions, sessions }
}

export function readCatalogue(format: CatalogueFormat, text: string, file: string) {
  return checkFile(format === 'lheo' ? parseLheo(text, file) : parseCatalogueCsv(text, file))
}

const count = () => ({ created: 0, updated: 0 })

async function apply(ctx: TrainingCtx, checked: ReturnType<typeof checkFile>, file: string) {
  const { tx } = ctx
  const sid = ctx.actor.structureId
  const result = { bodies: count(), actions: count(), sessions: count() }
  const issues: ImportIssue[] = []
  await lockImports(tx, sid)
  const bodyIds = new Map<string, string>()
  for (const b of checked.bodies) {
    const input = b.input!
    const found = await bodyByKey(tx, sid, b.key, input.siret)
    if (found) {
      const { active: _keep, ...values } = bodyValues(input)
      await importUpdate(tx, 'training_body', sid, found.id, values, b.key)
      bodyIds.set(b.key, found.id)
      result.bodies.updated++
    } else {
      bodyIds.set(b.key, await insertBody(tx, sid, input, b.key))
      result.bodies.created++
    }
  }
  const actionIds = new Map<string, string>()
  for (const a of checked.actions) {
    const input = { ...a.input!, bodyId: bodyIds.get(a.bodyKey)! }
    const found = await byLheoId(tx, 'training_action', sid, a.key)
    if (found) {
      const { active: _keep, ...values } = actionValues(input)
      await importUpdate(tx, 'training_action', sid, found.id, values, a.key)
      actionIds.set(a.key, found.id)
      result.actions.updated++
    } else {
      actionIds.set(a.key, await insertAction(tx, sid, input, a.key))
      result.actions.created++
    }
  }
  for (const s of checked.sessions) {
    const input = { ...s.input!, actionId: actionIds.get(s.actionKey)! }
    const found = await byLheoId(tx, 'training_session', sid, s.key)
    if (found) {
      await lockSession(tx, sid, found.id)
      const taken = await placesTaken(tx, sid, found.id)
      if (input.places < taken) {
        issues.push({
          file,
          ...s.placesPos,
          message: `${taken} places déjà prises sur cette session : pas moins de ${taken}`,
        })
        continue
      }
      const { info_session_at: _keep, ...values } = sessionValues(input)
      await importUpdate(tx, 'training_session', sid, found.id, values, s.key)
      result.sessions.updated++
    } else {
      await insertSession(tx, sid, input, s.key)
      result.sessions.created++
    }
  }
  if (issues.length) throw new CatalogueImportFailed(issues)
  return result
}

const fieldOf = (i: ImportIssue) => [i.file, i.line, i.column].filter((p) => p !== undefined && p !== '').join(':')

/** Imports a catalogue file, whole or not at all; a refusal answers 400 with every error's file, line and column. */
export async function importCatalogue(
  ctx: TrainingCtx,
  format: CatalogueFormat,
  text: string,
  opts: { file: string; dryRun: boolean },
): Promise<CatalogueImportResult> {
  const detail = { format, file: opts.file, dryRun: opts.dryRun, bytes: Buffer.byteLength(text) }
  await sql`SAVEPOINT training_import`.execute(ctx.tx)
  try {
    const checked = readCatalogue(format, text, opts.file)
    if (checked.issues.length) throw new CatalogueImportFailed(checked.issues)
    const result = await apply(ctx, checked, opts.file)
    if (opts.dryRun) await sql`ROLLBACK TO SAVEPOINT training_import`.execute(ctx.tx)
    else await sql`RELEASE SAVEPOINT training_import`.execute(ctx.tx)
    await ctx.audit({ action: 'import', entity: 'training_catalogue', detail: { ...detail, ...result } })
    return { dryRun: opts.dryRun, ...result }
  } catch (error) {
    if (!(error instanceof CatalogueImportFailed)) throw error
    await sql`ROLLBACK TO SAVEPOINT training_import`.execute(ctx.tx)
    await ctx.audit({
      action: 'import_refused',
      entity: 'training_catalogue',
      detail: { ...detail, errors: error.issues.length },
    })
    throw new AppError(
      'validation',
      error.message,
      error.issues.map((i) => ({ field: fieldOf(i), message: formatIssue(i) })),
      true,
    )
  }
}
