import { sql } from 'kysely'
import type { Site, SiteInput } from '../../../shared/admin/admin.schema.ts'
import { ensureUpdated } from '../../db/versioning.ts'
import type { Tx } from '../../deps.ts'
import { AppError } from '../../errors.ts'
import { findCommune } from '../reference/communes.ts'

export async function listSites(tx: Tx, structureId: string): Promise<Site[]> {
  const rows = await tx
    .selectFrom('site')
    .select(['id', 'code', 'name', 'kind', 'address', 'active', 'version'])
    .select((eb) =>
      eb
        .fn<{ code: string; name: string }[]>('coalesce', [
          eb
            .selectFrom('site_commune')
            .select(
              sql<unknown>`json_agg(json_build_object('code', commune_code, 'name', commune_name) ORDER BY commune_name)`.as(
                'c',
              ),
            )
            .whereRef('site_commune.site_id', '=', 'site.id'),
          sql`'[]'::json`,
        ])
        .as('communes'),
    )
    .where('structure_id', '=', structureId)
    .orderBy('kind')
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ ...r, communes: r.communes ?? [] }))
}

export async function getSite(tx: Tx, structureId: string, id: string): Promise<Site | undefined> {
  return (await listSites(tx, structureId)).find((s) => s.id === id)
}

function resolveCommunes(codes: string[]) {
  return codes.map((code, i) => {
    const commune = findCommune(code)
    if (!commune)
      throw new AppError('validation', 'Commune inconnue.', [
        { field: `communeCodes.${i}`, message: `${code} n’est pas un code de commune de la liste officielle.` },
      ])
    return commune
  })
}

async function replaceCommunes(tx: Tx, siteId: string, codes: string[]) {
  const list = resolveCommunes(codes)
  await tx.deleteFrom('site_commune').where('site_id', '=', siteId).execute()
  if (list.length)
    await tx
      .insertInto('site_commune')
      .values(list.map((c) => ({ site_id: siteId, commune_code: c.code, commune_name: c.name })))
      .execute()
}

async function ensureCodeFree(tx: Tx, structureId: string, code: string, exceptId?: string) {
  let q = tx.selectFrom('site').select('id').where('structure_id', '=', structureId).where('code', '=', code)
  if (exceptId) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst())
    throw new AppError('conflict', 'Ce code de site existe déjà.', [{ field: 'code', message: 'Code déjà utilisé.' }])
}

export async function createSite(tx: Tx, structureId: string, input: Required<SiteInput>) {
  await ensureCodeFree(tx, structureId, input.code)
  const { id } = await tx
    .insertInto('site')
    .values({
      structure_id: structureId,
      code: input.code,
      name: input.name,
      kind: input.kind,
      address: input.address,
      active: input.active,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await replaceCommunes(tx, id, input.communeCodes)
  return id
}

export async function updateSite(
  tx: Tx,
  structureId: string,
  id: string,
  input: Required<SiteInput> & { version: number },
) {
  await ensureCodeFree(tx, structureId, input.code, id)
  await ensureUpdated(
    await tx
      .updateTable('site')
      .set({
        code: input.code,
        name: input.name,
        kind: input.kind,
        address: input.address,
        active: input.active,
        version: input.version + 1,
      })
      .where('id', '=', id)
      .where('structure_id', '=', structureId)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst(),
    async () =>
      !!(await tx
        .selectFrom('site')
        .select('id')
        .where('id', '=', id)
        .where('structure_id', '=', structureId)
        .executeTakeFirst()),
    'Ce site',
  )
  await replaceCommunes(tx, id, input.communeCodes)
}
