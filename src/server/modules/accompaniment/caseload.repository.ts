import { sql } from 'kysely'
import type { ListFilters } from '../../../shared/lists/list.schema.ts'
import type { Tx } from '../../deps.ts'
import { cejEndColumn, listFilterSql } from '../persons/list-filters.ts'
import { contactAlert, contactColumns, contactDays, situationOpenOn } from './contact-state.ts'
import { enrolmentOpenOn } from './enrolment-open.ts'

export interface CaseloadFilter {
  alertOnly: boolean
  /** programme, site, age-out date, end of CEJ (shared/lists/list.schema.ts) */
  filters: ListFilters
  sort: 'name' | 'lastContact' | 'nextEvent'
  order: 'asc' | 'desc'
  page: number
  pageSize: number
}

/**
 * A counsellor's caseload, one row per person (narrowed by the lists' filters: list-filters.ts): the people they are referent of, and the people they follow as referent
 * of an enrolment open today (enrolment-open.ts: the rule the person policy applies too, so every person listed here
 * opens). Per person: the next planned event and the contact state of contact-state.ts (the last contact and the
 * contact rule — the strictest of the open enrolments' programmes, 90 days when none sets one; with no contact ever,
 * the days are counted from the first reception, or the first entry, or the day the file was created).
 */
function caseloadQuery(tx: Tx, structureId: string, counsellorId: string, today: string, filters: ListFilters) {
  const inner = tx
    .selectFrom('person as p')
    .where('p.structure_id', '=', structureId)
    .where(listFilterSql('p', filters, today))
    .where((eb) =>
      eb.or([
        eb('p.referent_id', '=', counsellorId),
        eb.exists(
          eb
            .selectFrom('enrolment as en')
            .select(sql`1`.as('one'))
            .whereRef('en.person_id', '=', 'p.id')
            .where('en.referent_id', '=', counsellorId)
            .where(enrolmentOpenOn('en', today)),
        ),
      ]),
    )
    .select([
      'p.id',
      'p.last_name',
      'p.first_name',
      'p.birth_date',
      'p.site_id',
      cejEndColumn('p', today).as('cej_end'),
      sql<string | null>`(SELECT min(ev.date) FROM event ev WHERE ev.person_id = p.id AND ev.date > ${today}::date)`.as(
        'next_event',
      ),
      ...contactColumns(today),
    ])
  return tx.selectFrom(inner.as('c')).selectAll('c')
}

const alert = contactAlert

export async function listCaseload(
  tx: Tx,
  structureId: string,
  counsellorId: string,
  today: string,
  f: CaseloadFilter,
) {
  const all = caseloadQuery(tx, structureId, counsellorId, today, f.filters)
  const { total, alerts } = await all
    .clearSelect()
    .select([sql<number>`count(*)`.as('total'), sql<number>`count(*) FILTER (WHERE ${alert(today)})`.as('alerts')])
    .executeTakeFirstOrThrow()
  const filtered = f.alertOnly ? all.where(alert(today)) : all
  const dir = sql.raw(f.order === 'desc' ? 'DESC' : 'ASC')
  const order =
    f.sort === 'lastContact'
      ? sql`c.last_contact ${dir} NULLS ${sql.raw(f.order === 'desc' ? 'LAST' : 'FIRST')}`
      : f.sort === 'nextEvent'
        ? sql`c.next_event ${dir} NULLS LAST`
        : sql`c.last_name ${dir}, c.first_name ${dir}`
  const rows = await filtered
    .select([contactDays.as('contact_days'), alert(today).as('alert')])
    .orderBy(order)
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .orderBy('c.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  return { total: f.alertOnly ? alerts : total, alerts, rows }
}

/** For the persons of a page: the next planned event, the open situations, the open enrolments. */
export async function caseloadDetails(tx: Tx, personIds: string[], today: string) {
  if (!personIds.length) return { nextEvents: [], situations: [], enrolments: [] }
  const nextEvents = await tx
    .selectFrom('event')
    .distinctOn('person_id')
    .select(['id', 'person_id', 'date', 'kind'])
    .where('person_id', 'in', personIds)
    .where('date', '>', today)
    .orderBy('person_id')
    .orderBy('date')
    .orderBy('created_at')
    .execute()
  const situations = await tx
    .selectFrom('situation as s')
    .select(['s.id', 's.person_id', 's.kind'])
    .where('s.person_id', 'in', personIds)
    .where(situationOpenOn('s', today))
    .orderBy('s.start_date', 'desc')
    .execute()
  const enrolments = await tx
    .selectFrom('enrolment as en')
    .innerJoin('programme as pr', 'pr.id', 'en.programme_id')
    .select(['en.id', 'en.person_id', 'en.programme_id', 'pr.code'])
    .where('en.person_id', 'in', personIds)
    .where(enrolmentOpenOn('en', today))
    .orderBy('pr.code')
    .execute()
  return { nextEvents, situations, enrolments }
}
