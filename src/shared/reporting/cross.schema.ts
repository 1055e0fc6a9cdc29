import { z } from 'zod'
import { pageQuery } from '../admin/admin.schema.ts'
import { exportFormatSchema, listFilters } from '../lists/list.schema.ts'
import { calendarDate } from '../primitives.ts'

// Two breakdowns of an indicator crossed (level × site…), and the persons behind a cell of the cross (docs/quality.md,
// "Croiser deux ventilations"). The figures are for every reader of statistics; the persons for those who may open
// files (capabilities.indicatorPersons), within the files they may see.

const isoDate = calendarDate()
const dimensionKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Ventilation inconnue.')

/** the indicator's id (ml.youth_in_contact…) */
export const crossParams = z.object({ id: z.string().max(80) })

export const crossDimensionSchema = z.object({ key: z.string(), label: z.string() })
/** GET /api/indicators/cross: the indicators that can be crossed and their breakdowns */
export const crossCatalogueSchema = z.array(
  z.object({ indicatorId: z.string(), label: z.string(), dimensions: z.array(crossDimensionSchema) }),
)
export type CrossCatalogue = z.infer<typeof crossCatalogueSchema>

const crossBase = z.object({
  from: isoDate,
  to: isoDate,
  siteId: z.uuid('Identifiant invalide.').optional(),
  programmeId: z.uuid('Identifiant invalide.').optional(),
  counsellorId: z.uuid('Identifiant invalide.').optional(),
  /** the breakdown in rows, and the one in columns */
  rows: dimensionKey,
  columns: dimensionKey,
})
const periodInOrder = { message: 'La date de début doit précéder la date de fin.', path: ['to'] }
const distinctDimensions = { message: 'Choisissez deux ventilations différentes.', path: ['columns'] }

export const crossQuery = crossBase
  .refine((q) => q.from <= q.to, periodInOrder)
  .refine((q) => q.rows !== q.columns, distinctDimensions)
export type CrossQuery = z.input<typeof crossQuery>

/** A cell: its row's value and its column's value; either left out is that line's total. */
const cellShape = {
  row: z.string().max(80).optional(),
  column: z.string().max(80).optional(),
}
export const crossPersonsQuery = crossBase
  .extend(cellShape)
  .extend(pageQuery.shape)
  .extend({
    programmeFilter: listFilters.shape.programmeId,
    ageOutBefore: listFilters.shape.ageOutBefore,
    cejEndBefore: listFilters.shape.cejEndBefore,
  })
  .refine((q) => q.from <= q.to, periodInOrder)
  .refine((q) => q.rows !== q.columns, distinctDimensions)
export type CrossPersonsQuery = z.input<typeof crossPersonsQuery>
export const crossPersonsExportQuery = crossBase
  .extend(cellShape)
  .extend({
    programmeFilter: listFilters.shape.programmeId,
    ageOutBefore: listFilters.shape.ageOutBefore,
    cejEndBefore: listFilters.shape.cejEndBefore,
    format: exportFormatSchema,
  })
  .refine((q) => q.from <= q.to, periodInOrder)
  .refine((q) => q.rows !== q.columns, distinctDimensions)

const lineSchema = z.object({ key: z.string(), label: z.string() })
export const crossResultSchema = z.object({
  indicatorId: z.string(),
  label: z.string(),
  rows: lineSchema.array(),
  columns: lineSchema.array(),
  rowDimension: crossDimensionSchema,
  columnDimension: crossDimensionSchema,
  /** persons, cells[row][column] */
  cells: z.array(z.array(z.number().int())),
  rowTotals: z.array(z.number().int()),
  columnTotals: z.array(z.number().int()),
  total: z.number().int(),
  /** the reader may open the persons behind a cell */
  canOpenPersons: z.boolean(),
})
export type CrossResult = z.infer<typeof crossResultSchema>
