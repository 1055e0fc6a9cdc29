import type { Db } from '../db/database.ts'
import { hashPassword } from '../modules/auth/password.ts'
import { serverModules } from '../modules/modules.ts'
import { findCommune } from '../modules/reference/communes.ts'
import { rebuildFacts } from '../modules/registry.ts'
import { bulkWriter } from './bulk.ts'
import type { DemoContext } from './demo-context.ts'
import { DEMO_PASSWORD, DEMO_STRUCTURE, demoProgrammes, demoSites, demoUsers } from './demo-organisation.ts'
import { loadYear2009, type Summary } from './year2009/index.ts'
import { YEAR2009_TABLES } from './year2009/insert.ts'

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await db.kysely.selectFrom('structure').select('id').executeTakeFirst())
}

const count = (n: number) => n.toLocaleString('fr-FR')

/**
 * Loads the demo organisation in one transaction; the feature modules' demo data hang off it (each module's `demo` in its manifest, by order).
 * `year2009`: also the 2009 data set (year2009/index.ts), in the same transaction, after the extensions.
 * `progress(line)` is told the step under way, in French, when it starts and again after each chunk of rows it writes
 * (a caller printing the lines throttles them: progress.ts).
 */
export async function loadDemo(
  db: Db,
  now: Date,
  opts: {
    year2009?: boolean
    progress?: (line: string) => void
    /** the modules whose demo data to load (default: every module of the list) */
    modules?: readonly string[]
    /** false: leave the indicators' facts unbuilt (a caller that adds rows in bulk builds them at its end) */
    facts?: boolean
  } = {},
): Promise<{ users: { email: string; role: string }[]; password: string; year2009?: Summary }> {
  let year2009: Summary | undefined
  let current = 'Organisation de démonstration…'
  const progress = (line: string) => {
    current = line
    opts.progress?.(line)
  }
  const again = () => opts.progress?.(current)
  progress(current)
  // one argon2 hash for every demo account (they share the password)
  const hash = await hashPassword(DEMO_PASSWORD)
  await db.kysely.transaction().execute(async (tx) => {
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
    const bulk = bulkWriter(tx, db, again)
    const context: DemoContext = { structureId: DEMO_STRUCTURE.id, siteIds, programmeIds, userIds, now, bulk }
    const loaders = serverModules
      .filter((m) => !opts.modules || opts.modules.includes(m.name))
      .flatMap((m) => (m.demo ? [m.demo] : []))
      .sort((a, b) => a.order - b.order)
    const loadModules = async () => {
      for (const demo of loaders) await demo.load(tx, context)
    }
    if (!opts.year2009) await loadModules()
    else {
      const step = (label: string, rows?: number) =>
        progress(`Jeu de données 2009 : ${label}${rows === undefined ? '' : ` (${count(rows)})`}…`)
      // the modules' demo rows go into the tables the data set fills: their keys and indexes are set aside once for
      // both and put back once, at the end (the modules' rows cost more than the data set's with them on)
      year2009 = await bulk.deferKeysAndIndexes(YEAR2009_TABLES, async () => {
        await loadModules()
        const summary = await loadYear2009(tx, bulkWriter(tx, db, again), context, { step })
        step('index et clés des tables')
        return summary
      })
    }
    // the indicators' facts, built once over everything loaded (the triggers had no built year to keep meanwhile)
    if (opts.facts !== false) {
      progress('Faits des indicateurs par personne et par année…')
      await rebuildFacts(tx, { modules: opts.modules, log: again })
    }
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
  })
  return { users: demoUsers.map((u) => ({ email: u.email, role: u.role })), password: DEMO_PASSWORD, year2009 }
}
