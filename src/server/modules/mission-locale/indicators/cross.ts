import { type Expression, type SelectQueryBuilder, sql } from 'kysely'
import {
  diplomas,
  drivingLicences,
  familySituations,
  housings,
  levels1969,
  levels2019,
  priorityAreas,
  sexes,
} from '../../../../shared/nomenclatures/person.ts'
import type { CrossDimension, CrossSpec, IndicatorContext } from '../../../reporting/indicator.ts'
import { ageBandLabels, ageBands } from '../../../reporting/sql.ts'
import { levelOf, reportLevelLabels, reportLevels } from './levels.ts'

// The Mission Locale indicators' breakdowns that can be crossed two by two (reporting/cross.ts): never resources
// (welfare), whose cell would open on persons by their benefits.

/** The report's level (III+, IV, V, Vbis, VI, unknown) of a stored level, 1969 code or 2019 level: levelOf, in SQL. */
export function reportLevelSql(value: Expression<string | null>) {
  const codes = [...Object.keys(levels1969.labels), ...levels2019.map(String)]
  const whens = codes.map((c) => sql`WHEN ${sql.lit(c)} THEN ${sql.lit(levelOf(c))}`)
  return sql<string>`CASE ${value} ${sql.join(whens, sql` `)} ELSE 'unknown' END`
}

/** The mobility as the report groups it: car and motorbike together (first-receptions.ts). */
export const mobilityLabels = {
  car_or_motorbike: 'Voiture ou deux-roues motorisé',
  public_transport: 'Transports en commun',
  bicycle: 'Vélo',
  none: 'Aucun moyen de locomotion',
  unknown: 'Non renseigné',
}

const unknown = { key: 'unknown', label: 'Non renseigné' }
const valuesOf = (labels: Record<string, string>, extra: { key: string; label: string }[] = [unknown]) => [
  ...Object.entries(labels).map(([key, label]) => ({ key, label })),
  ...extra.filter((e) => !(e.key in labels)),
]

export const crossDimensions = {
  level: {
    key: 'level',
    label: 'Niveau de formation',
    values: reportLevels.map((l) => ({ key: l, label: reportLevelLabels[l] })),
  },
  band: { key: 'band', label: 'Tranche d’âge', values: ageBands.map((b) => ({ key: b, label: ageBandLabels[b] })) },
  sex: { key: 'sex', label: 'Sexe', values: valuesOf(sexes.labels, []) },
  diploma: { key: 'diploma', label: 'Diplôme', values: valuesOf(diplomas.labels) },
  family: { key: 'family', label: 'Situation familiale', values: valuesOf(familySituations.labels) },
  housing: { key: 'housing', label: 'Logement', values: valuesOf(housings.labels) },
  licence: { key: 'licence', label: 'Permis B', values: valuesOf(drivingLicences.labels) },
  mobility: { key: 'mobility', label: 'Moyen de locomotion', values: valuesOf(mobilityLabels, []) },
  priority: {
    key: 'priority',
    label: 'Quartier prioritaire',
    values: valuesOf({ ...priorityAreas.labels, none: 'Hors quartier prioritaire' }, []),
  },
  site: { key: 'site', label: 'Site', from: 'site' },
} satisfies Record<string, CrossDimension>

type Key = keyof typeof crossDimensions

/**
 * A cross declaration over an indicator's raw rows (which carry `person_id` and the dimensions, level as stored):
 * the level is grouped as the report groups it.
 */
export function crossOver(keys: Key[], rows: (ctx: IndicatorContext) => SelectQueryBuilder<any, any, any>): CrossSpec {
  return {
    dimensions: keys.map((k) => crossDimensions[k]),
    rows: (ctx) =>
      ctx.q
        .selectFrom(rows(ctx).as('x'))
        .select([
          'x.person_id',
          ...keys.map((k) =>
            k === 'level' ? reportLevelSql(sql.ref('x.level')).as('level') : sql.ref(`x.${k}`).as(k),
          ),
        ]),
  }
}
