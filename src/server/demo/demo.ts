import type { Db } from '../db/database.ts'
import type { Tx } from '../deps.ts'
import { hashPassword } from '../modules/auth/password.ts'
import { serverModules } from '../modules/modules.ts'
import { findCommune } from '../modules/reference/communes.ts'
import { rebuildFacts } from '../modules/registry.ts'
import { bulkWriter } from './bulk.ts'
import type { DemoContext } from './demo-context.ts'
import { DEMO_PASSWORD, DEMO_STRUCTURE, demoProgrammes, demoSites, demoUsers } from './demo-organisation.ts'
import { loadYear2009, type Summary } from './year2009/index.ts'
import { type RowCounts, YEAR2009_TABLES, type Year2009Base } from './year2009/insert.ts'

// The demo comes in two parts (docs/demo-2009.md, "Load time"):
// - the base, which does not depend on the day: the demo organisation, the 2009 data set and the facts of its years.
//   A first start on PGlite keeps it as a template (demo-template.ts) and copies it;
// - the day's part: the modules' demo rows, dated from today (each module's `demo` in its manifest, by order), the facts
//   of the years they open, and the mark that the demo is loaded.
// `loadDemo` writes both in one transaction; `loadDemoBase` and `loadDemoDay` write one each.

export interface DemoOptions {
  /** also the 2009 data set (year2009/index.ts), in the same transaction */
  year2009?: boolean
  /** told the step under way, in French, when it starts and again after each chunk of rows (progress.ts throttles) */
  progress?: (line: string) => void
  /** the modules whose demo data to load (default: every module of the list) */
  modules?: readonly string[]
  /** false: leave the indicators' facts unbuilt (a caller that adds rows in bulk builds them at its end) */
  facts?: boolean
}

export interface DemoLoaded {
  users: { email: string; role: string }[]
  password: string
  year2009?: Summary
}

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.kysely.selectFrom('structure').select('id').executeTakeFirst())
}

/**
 * `empty`: no structure yet; `base`: the demo's base without the day's part (a copied demo template); `loaded`: the
 * demo is there; `other`: a database of another organisation (never touched).
 */
export async function demoState(db: Db): Promise<'empty' | 'base' | 'loaded' | 'other'> {
  if (await isEmpty(db)) return 'empty'
  const demo = await db.kysely
    .selectFrom('structure')
    .select('id')
    .where('id', '=', DEMO_STRUCTURE.id)
    .executeTakeFirst()
  if (!demo) return 'other'
  const mark = await db.kysely
    .selectFrom('audit_event')
    .select('id')
    .where('structure_id', '=', DEMO_STRUCTURE.id)
    .where('action', '=', 'demo.loaded')
    .executeTakeFirst()
  return mark ? 'loaded' : 'base'
}

const count = (n: number) => n.toLocaleString('fr-FR')

/** The progress callbacks: `line` says a new step, `again` repeats the current one (after each chunk). */
function progressOf(opts: DemoOptions) {
  let current = ''
  return {
    line(text: string) {
      current = text
      opts.progress?.(text)
    },
    again: () => opts.progress?.(current),
  }
}
type Progress = ReturnType<typeof progressOf>

/** The whole demo, in one transaction: the base, then the day's part (the data set's and the modules' rows share one keys-and-indexes window). */
export async function loadDemo(db: Db, now: Date, opts: DemoOptions = {}): Promise<DemoLoaded> {
  const progress = progressOf(opts)
  progress.line('Organisation de démonstration…')
  const hash = await hashPassword(DEMO_PASSWORD) // one argon2 hash for every demo account (they share the password)
  let year2009: Summary | undefined
  await db.kysely.transaction().execute(async (tx) => {
    const context = await writeOrganisation(tx, db, now, hash, progress)
    const modules = () => loadModules(tx, context, opts)
    if (!opts.year2009) await modules()
    else year2009 = await withYear2009(tx, db, context, progress, modules)
    // the indicators' facts, built once over everything loaded (the triggers had no built year to keep meanwhile)
    if (opts.facts !== false) await facts(tx, progress, opts)
    await markLoaded(tx, now)
  })
  return loaded(year2009)
}

/** The demo's base (the demo template's content): the organisation, the 2009 data set when asked, the facts of its years. */
export async function loadDemoBase(db: Db, opts: DemoOptions = {}): Promise<Summary | undefined> {
  const progress = progressOf(opts)
  progress.line('Organisation de démonstration…')
  const hash = await hashPassword(DEMO_PASSWORD)
  return db.kysely.transaction().execute(async (tx) => {
    // the base holds no dated row: the day only reaches the modules' loaders
    const context = await writeOrganisation(tx, db, new Date(0), hash, progress)
    const year2009 = opts.year2009 ? await withYear2009(tx, db, context, progress) : undefined
    if (opts.facts !== false) await facts(tx, progress, opts)
    return year2009
  })
}

/**
 * The day's part, on a database holding the base (demoState 'base'): the modules' demo rows dated from `now`, the facts
 * of the years that have none yet (the triggers keep the built ones), the mark.
 */
export async function loadDemoDay(db: Db, now: Date, opts: DemoOptions = {}): Promise<DemoLoaded> {
  const progress = progressOf(opts)
  progress.line('Données de démonstration du jour…')
  await db.kysely.transaction().execute(async (tx) => {
    const context = await readOrganisation(tx, db, now, progress)
    await loadModules(tx, context, opts)
    if (opts.facts !== false) await facts(tx, progress, { ...opts, unbuiltOnly: true })
    await markLoaded(tx, now)
  })
  return loaded(undefined)
}

const loaded = (year2009: Summary | undefined): DemoLoaded => ({
  users: demoUsers.map((u) => ({ email: u.email, role: u.role })),
  password: DEMO_PASSWORD,
  year2009,
})

/** The 2009 data set, then `more` (the modules' rows), with the tables' keys and indexes set aside once for both. */
async function withYear2009(tx: Tx, db: Db, context: DemoContext, progress: Progress, more?: () => Promise<void>) {
  const step = (label: string, rows?: number) =>
    progress.line(`Jeu de données 2009 : ${label}${rows === undefined ? '' : ` (${count(rows)})`}…`)
  // the departments' parts of the data set (a module's `dataset2009`), after the Mission Locale's, by order
  const parts = serverModules
    .flatMap((m) => (m.dataset2009 ? [{ name: m.name, ...m.dataset2009 }] : []))
    .sort((a, b) => a.order - b.order)
  const tables = [...new Set([...YEAR2009_TABLES, ...parts.flatMap((p) => p.tables)])]
  const bulk = bulkWriter(tx, db, progress.again)
  const departments = {
    tables: parts.flatMap((p) => p.tables),
    async load(base: Year2009Base) {
      const rows: Record<string, RowCounts> = {}
      for (const p of parts) {
        step(`partie ${p.name.toUpperCase()}`)
        rows[p.name] = await p.load(tx, context, bulk, base)
      }
      return rows
    },
  }
  // the modules' demo rows cost more with every key and index on than the data set's with them off
  return context.bulk.deferKeysAndIndexes(tables, async () => {
    const summary = await loadYear2009(tx, bulk, context, { step, departments })
    await more?.()
    step('index et clés des tables')
    return summary
  })
}

async function loadModules(tx: Tx, context: DemoContext, opts: DemoOptions) {
  const loaders = serverModules
    .filter((m) => !opts.modules || opts.modules.includes(m.name))
    .flatMap((m) => (m.demo ? [m.demo] : []))
    .sort((a, b) => a.order - b.order)
  for (const demo of loaders) await demo.load(tx, context)
}

async function facts(tx: Tx, progress: Progress, opts: DemoOptions & { unbuiltOnly?: boolean }) {
  progress.line('Faits des indicateurs par personne et par année…')
  // the day's years hold a few hundred persons: the statistics of the base's facts stay good enough
  const { unbuiltOnly } = opts
  await rebuildFacts(tx, { modules: opts.modules, unbuiltOnly, analyze: !unbuiltOnly, log: progress.again })
}

async function markLoaded(tx: Tx, now: Date) {
  await tx
    .insertInto('audit_event')
    .values({
      at: now,
      structure_id: DEMO_STRUCTURE.id,
      actor_label: 'système',
      action: 'demo.loaded',
      entity: 'structure',
      entity_id: DEMO_STRUCTURE.id,
      detail: null,
      ip: null,
    })
    .execute()
}

/** The demo organisation: structure, programmes, sites and their communes, users and their sites and programmes. */
async function writeOrganisation(tx: Tx, db: Db, now: Date, hash: string, progress: Progress): Promise<DemoContext> {
  await tx.insertInto('structure').values(DEMO_STRUCTURE).execute()
  const programmeIds = new Map<string, string>()
  for (const p of demoProgrammes) {
    const { id } = await tx
      .insertInto('programme')
      .values({ structure_id: DEMO_STRUCTURE.id, ...p })
      .returning('id')
      .executeTakeFirstOrThrow()
    programmeIds.set(p.code, id)
  }
  const siteIds = new Map<string, string>()
  for (const s of demoSites) {
    const { id } = await tx
      .insertInto('site')
      .values({ structure_id: DEMO_STRUCTURE.id, code: s.code, name: s.name, kind: s.kind, address: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    siteIds.set(s.code, id)
    await tx
      .insertInto('site_commune')
      .values(s.communes.map((code) => ({ site_id: id, commune_code: code, commune_name: findCommune(code)!.name })))
      .execute()
  }
  const userIds = new Map<string, string>()
  for (const u of demoUsers) {
    const { id } = await tx
      .insertInto('app_user')
      .values({
        structure_id: DEMO_STRUCTURE.id,
        email: u.email,
        display_name: u.displayName,
        role: u.role,
        password_hash: hash,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    userIds.set(u.email, id)
    const sites = u.sites === '*' ? [...siteIds.values()] : u.sites.map((c) => siteIds.get(c)!)
    await tx
      .insertInto('user_site')
      .values(sites.map((site_id) => ({ user_id: id, site_id })))
      .execute()
    if (u.programmes.length)
      await tx
        .insertInto('user_programme')
        .values(u.programmes.map((c) => ({ user_id: id, programme_id: programmeIds.get(c)! })))
        .execute()
  }
  const bulk = bulkWriter(tx, db, progress.again)
  return { structureId: DEMO_STRUCTURE.id, siteIds, programmeIds, userIds, now, bulk, personIds: [] }
}

/** The demo organisation's ids, read back from a database holding the base (the demo's users by e-mail). */
async function readOrganisation(tx: Tx, db: Db, now: Date, progress: Progress): Promise<DemoContext> {
  const structureId = DEMO_STRUCTURE.id
  const programmes = await tx
    .selectFrom('programme')
    .select(['id', 'code'])
    .where('structure_id', '=', structureId)
    .execute()
  const sites = await tx.selectFrom('site').select(['id', 'code']).where('structure_id', '=', structureId).execute()
  const users = await tx
    .selectFrom('app_user')
    .select(['id', 'email'])
    .where('structure_id', '=', structureId)
    .where(
      'email',
      'in',
      demoUsers.map((u) => u.email),
    )
    .execute()
  return {
    structureId,
    programmeIds: new Map(programmes.map((p) => [p.code, p.id])),
    siteIds: new Map(sites.map((s) => [s.code, s.id])),
    userIds: new Map(users.map((u) => [u.email, u.id])),
    now,
    bulk: bulkWriter(tx, db, progress.again),
    personIds: [],
  }
}
