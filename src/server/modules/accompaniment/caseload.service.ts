import type { z } from 'zod'
import type { CaseloadRow, caseloadExportQuery, caseloadQuery } from '../../../shared/accompaniment/caseload.schema.ts'
import { can } from '../../../shared/auth/roles.ts'
import { ageOutDate, EXPORT_MAX_ROWS } from '../../../shared/lists/list.schema.ts'
import { type SituationKind, situationKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import { forbidden } from '../../errors.ts'
import { invalid, type ServiceCtx } from './accompaniment.checks.ts'
import { caseloadDetails, listCaseload } from './caseload.repository.ts'
import { ageOn, daysBetween, localDay } from './dates.ts'

type Query = z.output<typeof caseloadQuery>

/** Whose caseload: a counsellor sees their own; a director may name any user of the structure (even a departed one). */
async function whose(ctx: ServiceCtx, requested: string | undefined) {
  const { actor, tx } = ctx
  if (!requested || requested === actor.userId) return actor.userId
  if (!can(actor.role, 'caseloadOfOthers')) throw forbidden('Vous ne pouvez consulter que votre propre portefeuille.')
  const user = await tx
    .selectFrom('app_user')
    .select('id')
    .where('id', '=', requested)
    .where('structure_id', '=', actor.structureId)
    .executeTakeFirst()
  if (!user) throw invalid('counsellorId', 'Cet utilisateur n’existe pas dans la structure.')
  return user.id
}

const groupBy = <T extends { person_id: string }>(rows: T[]) => {
  const map = new Map<string, T[]>()
  for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r])
  return map
}

const filtersOf = (q: Omit<Query, 'page' | 'pageSize'>) => ({
  programmeId: q.programmeId,
  siteId: q.siteId,
  ageOutBefore: q.ageOutBefore,
  cejEndBefore: q.cejEndBefore,
})

export async function caseload(ctx: ServiceCtx, query: Query) {
  const counsellorId = await whose(ctx, query.counsellorId)
  const today = localDay(ctx.now, ctx.actor.timeZone)
  const { total, alerts, rows } = await listCaseload(ctx.tx, ctx.actor.structureId, counsellorId, today, {
    alertOnly: query.alert === 'only',
    filters: filtersOf(query),
    sort: query.sort,
    order: query.order,
    page: query.page,
    pageSize: query.pageSize,
  })
  const details = await caseloadDetails(
    ctx.tx,
    rows.map((r) => r.id),
    today,
  )
  const next = new Map(details.nextEvents.map((e) => [e.person_id, e]))
  const situations = groupBy(details.situations)
  const enrolments = groupBy(details.enrolments)
  const items = rows.map(
    (r): CaseloadRow => ({
      personId: r.id,
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, today),
      siteId: r.site_id,
      lastContactDate: r.last_contact,
      daysSinceContact: r.last_contact ? daysBetween(r.last_contact, today) : null,
      nextEvent: next.has(r.id)
        ? {
            id: next.get(r.id)!.id,
            date: next.get(r.id)!.date,
            kind: next.get(r.id)!.kind as NonNullable<CaseloadRow['nextEvent']>['kind'],
          }
        : null,
      openSituations: (situations.get(r.id) ?? []).map((s) => ({
        id: s.id,
        kind: s.kind as SituationKind,
        label: situationKinds[s.kind as SituationKind]?.label ?? s.kind,
      })),
      openEnrolments: (enrolments.get(r.id) ?? []).map((e) => ({
        id: e.id,
        programmeId: e.programme_id,
        code: e.code,
      })),
      contactDays: Number(r.contact_days),
      alert: !!r.alert,
      ageOutDate: ageOutDate(r.birth_date),
      cejPlannedEnd: r.cej_end,
    }),
  )
  return { items, total, alerts, page: query.page, pageSize: query.pageSize, counsellorId, today }
}

/** The whole caseload with the page's filters and order, every page (one row more than an export holds: refused). */
export async function caseloadForExport(ctx: ServiceCtx, query: z.output<typeof caseloadExportQuery>) {
  return caseload(ctx, { ...query, page: 1, pageSize: EXPORT_MAX_ROWS + 1 })
}
