import { sql } from 'kysely'
import { capabilities } from '../../../shared/auth/roles.ts'
import type { ReceptionChoices } from '../../../shared/persons/reception.schema.ts'
import type { Tx } from '../../deps.ts'

// The first reception's hand-off (issue 10, docs/reception.md): which service programme a new file enters, and who
// follows it. Read by the creation form (GET /api/persons/reference/reception) and applied by createPerson when the
// body leaves them out, so a file never belongs to nobody.

type Programme = ReceptionChoices['programmes'][number]

/** Age in whole years on `day` (both 'yyyy-mm-dd'). */
const ageOn = (birthDate: string, day: string) =>
  Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (day.slice(5) < birthDate.slice(5) ? 1 : 0)

/** The structure's active service programmes (the departments that follow people), Mission Locale first. */
export async function receptionProgrammes(tx: Tx, structureId: string): Promise<Programme[]> {
  return tx
    .selectFrom('programme')
    .select(['id', 'code', 'name', 'type'])
    .where('structure_id', '=', structureId)
    .where('kind', '=', 'service')
    .where('active', '=', true)
    .orderBy(sql`type = 'mission_locale'`, 'desc')
    .orderBy('name')
    .execute()
}

/**
 * The programme a new file enters when reception does not say: the only one; else the Mission Locale up to 25 and
 * the PLIE from 26 when the structure has exactly one of that type; else none (reception is asked).
 */
export function defaultProgramme(programmes: Programme[], birthDate: string | undefined, today: string) {
  if (programmes.length === 1) return programmes[0]!
  if (!birthDate) return null
  const type = ageOn(birthDate, today) <= 25 ? 'mission_locale' : 'plie'
  const ofType = programmes.filter((p) => p.type === type)
  return ofType.length === 1 ? ofType[0]! : null
}

/**
 * The referent suggested for a new file of `siteId`: the active counsellor of that site following the fewest persons
 * (then by name); of the whole structure when the site has none. Null when the structure has no counsellor.
 */
export async function suggestReferent(tx: Tx, structureId: string, siteId: string) {
  const candidates = (onSite: boolean) => {
    let q = tx
      .selectFrom('app_user as u')
      .select((eb) => [
        'u.id',
        'u.display_name as displayName',
        eb
          .selectFrom('person as p')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('p.referent_id', '=', 'u.id')
          .where('p.structure_id', '=', structureId)
          .as('load'),
      ])
      .where('u.structure_id', '=', structureId)
      .where('u.role', 'in', capabilities.referent)
      .where('u.active', '=', true)
    if (onSite)
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom('user_site').whereRef('user_site.user_id', '=', 'u.id').where('user_site.site_id', '=', siteId),
        ),
      )
    return q.orderBy('load').orderBy('u.display_name').orderBy('u.id').limit(1).executeTakeFirst()
  }
  const found = (await candidates(true)) ?? (await candidates(false))
  return found ? { id: found.id, displayName: found.displayName, load: Number(found.load ?? 0) } : null
}

export async function receptionChoices(
  tx: Tx,
  structureId: string,
  siteId: string,
  birthDate: string | undefined,
  today: string,
): Promise<ReceptionChoices> {
  const programmes = await receptionProgrammes(tx, structureId)
  return {
    programmes,
    programmeId: defaultProgramme(programmes, birthDate, today)?.id ?? null,
    referent: await suggestReferent(tx, structureId, siteId),
  }
}
