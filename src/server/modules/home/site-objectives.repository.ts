import type { z } from 'zod'
import type { SiteObjectives, siteObjectivesInputSchema } from '../../../shared/home/home.schema.ts'
import type { KeyFigure } from '../../../shared/home/key-figures.ts'
import type { Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'

// All the SQL of the sites' yearly objectives on the key figures.

export const sitesOf = (tx: Tx, structureId: string) =>
  tx
    .selectFrom('site')
    .select(['id', 'name'])
    .where('structure_id', '=', structureId)
    .orderBy('name')
    .orderBy('id')
    .execute()

export async function objectivesOfYear(tx: Tx, structureId: string, year: number) {
  const rows = await tx
    .selectFrom('site_objective')
    .select(['id', 'site_id', 'figure', 'target', 'version'])
    .where('structure_id', '=', structureId)
    .where('year', '=', year)
    .orderBy('site_id')
    .orderBy('figure')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    siteId: r.site_id,
    figure: r.figure as KeyFigure,
    target: r.target,
    version: r.version,
  }))
}

export async function readSiteObjectives(tx: Tx, structureId: string, year: number): Promise<SiteObjectives> {
  const sites = await sitesOf(tx, structureId)
  return { year, sites, items: await objectivesOfYear(tx, structureId, year) }
}

type Input = z.output<typeof siteObjectivesInputSchema>

const stale = () =>
  new AppError(
    'version_conflict',
    'Un objectif a été modifié entre-temps : rechargez la page pour voir la version enregistrée.',
  )

/**
 * Saves the cells a form changed, in one transaction: a new cell (version null) is created, a known one updated or
 * (target null) removed with the version read. Any cell changed meanwhile — or created meanwhile by someone else —
 * refuses the whole save (409): the user reloads and sees the other's values.
 */
export async function saveSiteObjectives(
  tx: Tx,
  structureId: string,
  userId: string,
  year: number,
  input: Input,
  now: Date,
) {
  const known = new Set((await sitesOf(tx, structureId)).map((s) => s.id))
  input.items.forEach((item, i) => {
    if (!known.has(item.siteId))
      throw new AppError('validation', 'Site inconnu.', [
        { field: `items.${i}.siteId`, message: 'Ce site n’est pas celui de la structure.' },
      ])
  })
  for (const item of input.items) {
    const where = tx
      .updateTable('site_objective')
      .where('structure_id', '=', structureId)
      .where('year', '=', year)
      .where('site_id', '=', item.siteId)
      .where('figure', '=', item.figure)
    if (item.version === null) {
      if (item.target === null) continue
      const created = await tx
        .insertInto('site_objective')
        .values({
          structure_id: structureId,
          site_id: item.siteId,
          year,
          figure: item.figure,
          target: item.target,
          updated_at: now,
          updated_by: userId,
        })
        .onConflict((oc) => oc.columns(['structure_id', 'year', 'site_id', 'figure']).doNothing())
        .returning('id')
        .executeTakeFirst()
      if (!created) throw stale()
    } else if (item.target === null) {
      const gone = await tx
        .deleteFrom('site_objective')
        .where('structure_id', '=', structureId)
        .where('year', '=', year)
        .where('site_id', '=', item.siteId)
        .where('figure', '=', item.figure)
        .where('version', '=', item.version)
        .returning('id') // PGlite's driver gives no row count
        .executeTakeFirst()
      if (!gone) throw stale()
    } else {
      const updated = await where
        .set({ target: item.target, version: item.version + 1, updated_at: now, updated_by: userId })
        .where('version', '=', item.version)
        .returning('id')
        .executeTakeFirst()
      if (!updated) throw stale()
    }
  }
}
