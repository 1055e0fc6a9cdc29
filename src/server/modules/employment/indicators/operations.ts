import { sql } from 'kysely'
import type { Column, Row } from '../../../../shared/reporting/reporting.schema.ts'
import type { IndicatorDeclaration } from '../../../reporting/indicator.ts'
import {
  countColumn,
  countFigure,
  decimalsFor,
  percent,
  ratio,
  shareColumn,
  shareFigure,
  valueFigure,
} from '../../../reporting/tables.ts'
import { inPeriod, n, ofStructures } from './common.ts'

// « Les opérations de recrutement » (employment.recruitment_operations): the recruitment operations run for employers
// that start in the period, and the funnel of each (the call centre's in the 2009 report).
//
// Output keys (figures): operations, positions, applications, applicationsFromNetwork, infoSessions, invited,
//   invitedPerSession (average), interviews, hired, hiredLocal, hiredLocalShare (% of hired).
// Tables: byOperation (rows: each operation by its start, total; columns positions, applications, fromNetwork,
//   infoSessions, invitedPerSession, interviews, hired, hiredLocal, hiredLocalShare).
// value = positions. Local: the applicant (or the person of the files) lives in a commune one of the structure's sites
// covers. Operations have no person: a scope (site, sex…) leaves the whole structure's.

interface OpRow {
  id: string
  title: string
  positions: number
  applications: number
  network: number
  sessions: number
  invited: number
  interviews: number
  hired: number
  local: number
}

const averageColumn = (key: string, label: string): Column => ({
  key,
  label,
  kind: 'average',
  decimals: decimalsFor('average'),
  additive: false,
})

export const employmentRecruitmentOperations: IndicatorDeclaration = {
  id: 'employment.recruitment_operations',
  family: 'employment',
  label: 'Les opérations de recrutement',
  valueLabel: 'Postes à pourvoir des opérations de la période',
  definition:
    'Opérations de recrutement menées pour des employeurs, débutées dans la période : nombre et postes à pourvoir ; ' +
    'pour chacune, candidatures reçues (dont adressées par le réseau), réunions d’information collective, personnes ' +
    'conviées par réunion, entretiens, recrutements, recrutements de personnes résidant sur le territoire et leur part.',
  population: 'Opérations de recrutement de la structure (non annulées) et leurs candidatures.',
  breakdowns: ['opération'],
  notes: [
    'Une opération compte l’année où elle débute ; ses candidatures, réunions, entretiens et recrutements comptent avec ' +
      'elle, quelle que soit leur date.',
    'Conviées par réunion : candidatures invitées à une réunion d’information ÷ réunions de l’opération.',
    'Résidant sur le territoire : la commune de la candidature (ou celle du dossier de la personne) est desservie par ' +
      'une antenne ou une permanence de la structure.',
    'Les opérations n’ont pas de personne : restreint à un site, un programme, un conseiller ou un sexe, l’indicateur ' +
      'donne celles de toute la structure.',
  ],
  async compute(ctx) {
    const { rows } = await sql<OpRow>`
      with ops as (
        select o.id, o.structure_id, o.title, o.positions, o.starts_on from recruitment_operation o
        where o.status <> 'cancelled' and ${ofStructures(ctx, 'o.structure_id')} and ${inPeriod(ctx, 'o.starts_on')}),
      territory as (
        select distinct s.structure_id, sc.commune_code from site s join site_commune sc on sc.site_id = s.id
        where ${ofStructures(ctx, 's.structure_id')}),
      apps as (
        select a.operation_id, a.structure_id, count(*)::int as applications,
          count(*) filter (where a.source = 'network')::int as network,
          count(*) filter (where a.info_session_id is not null)::int as invited,
          count(*) filter (where a.interviewed_on is not null)::int as interviews,
          count(*) filter (where a.outcome = 'hired')::int as hired,
          count(*) filter (where a.outcome = 'hired' and exists (select 1 from territory t
            where t.structure_id = a.structure_id and t.commune_code = coalesce(a.commune_code, p.commune_code)))::int
            as local
        from operation_application a left join person p on p.id = a.person_id and p.structure_id = a.structure_id
        where a.operation_id in (select id from ops) group by a.operation_id, a.structure_id),
      sessions as (
        select s.operation_id, count(*)::int as sessions from operation_info_session s
        where s.operation_id in (select id from ops) group by s.operation_id)
      select o.id, o.title, o.positions, coalesce(a.applications, 0) as applications, coalesce(a.network, 0) as network,
        coalesce(s.sessions, 0) as sessions, coalesce(a.invited, 0) as invited,
        coalesce(a.interviews, 0) as interviews, coalesce(a.hired, 0) as hired, coalesce(a.local, 0) as local
      from ops o left join apps a on a.operation_id = o.id and a.structure_id = o.structure_id
        left join sessions s on s.operation_id = o.id
      order by o.starts_on, o.title, o.id`.execute(ctx.q)
    const sum = (k: keyof OpRow) => rows.reduce((a, r) => a + n(r[k]), 0)
    const t = {
      positions: sum('positions'),
      applications: sum('applications'),
      network: sum('network'),
      sessions: sum('sessions'),
      invited: sum('invited'),
      interviews: sum('interviews'),
      hired: sum('hired'),
      local: sum('local'),
    }
    const line = (x: typeof t) => [
      x.positions,
      x.applications,
      x.network,
      x.sessions,
      ratio(x.invited, x.sessions),
      x.interviews,
      x.hired,
      x.local,
      percent(x.local, x.hired),
    ]
    const lines: Row[] = rows.map((r) => ({
      key: r.id,
      label: r.title,
      values: line({
        positions: n(r.positions),
        applications: n(r.applications),
        network: n(r.network),
        sessions: n(r.sessions),
        invited: n(r.invited),
        interviews: n(r.interviews),
        hired: n(r.hired),
        local: n(r.local),
      }),
    }))
    lines.push({ key: 'total', label: 'Total', values: line(t), total: true })
    return {
      value: t.positions,
      figures: [
        countFigure('operations', 'Opérations de recrutement', rows.length),
        countFigure('positions', 'Postes à pourvoir', t.positions),
        countFigure('applications', 'Candidatures traitées', t.applications),
        countFigure('applicationsFromNetwork', 'dont adressées par le réseau', t.network),
        countFigure('infoSessions', 'Réunions d’information collective', t.sessions),
        countFigure('invited', 'Candidats conviés aux réunions', t.invited),
        valueFigure('invitedPerSession', 'Candidats conviés par réunion', 'average', ratio(t.invited, t.sessions)),
        countFigure('interviews', 'Personnes reçues en entretien', t.interviews),
        countFigure('hired', 'Personnes recrutées', t.hired),
        countFigure('hiredLocal', 'dont résidant sur le territoire', t.local),
        shareFigure('hiredLocalShare', 'Part des recrutés résidant sur le territoire (%)', t.local, t.hired),
      ],
      tables: [
        {
          key: 'byOperation',
          title: 'Les opérations de recrutement et leurs résultats',
          rowHeader: 'Opération',
          columns: [
            countColumn('positions', 'Postes'),
            countColumn('applications', 'Candidatures'),
            countColumn('fromNetwork', 'dont réseau'),
            countColumn('infoSessions', 'Réunions d’information'),
            averageColumn('invitedPerSession', 'Conviés par réunion'),
            countColumn('interviews', 'Entretiens'),
            countColumn('hired', 'Recrutés'),
            countColumn('hiredLocal', 'dont du territoire'),
            shareColumn('hiredLocalShare', '% du territoire', 'hired'),
          ],
          rows: lines,
        },
      ],
    }
  },
}
