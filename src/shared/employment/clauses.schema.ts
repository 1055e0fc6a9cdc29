import { z } from 'zod'
import { calendarDate, int4, versionSchema } from '../primitives.ts'
import { id, optionalText, required, text } from './common.schema.ts'
import { clauseCriteria, clauseOperationStatuses, contractKinds } from './employment.nomenclature.ts'

// The procurement social clauses (issue 14, docs/employment/clauses.md): operations (a contracting authority's
// contract on a site), their lots awarded to companies with the insertion hours each requires, the eligible
// participants, the contracts signed, and the hours imported from the companies' monthly statements. The server
// validates every body with these schemas and the forms use the same ones.

export const clauseIdParams = z.object({ id })

export const clauseOperationInput = z
  .object({
    name: required(200, 'Nom de l’opération requis.'),
    contractingAuthority: required(200, 'Maître d’ouvrage requis.'),
    contractRef: optionalText(100),
    siteLabel: required(200, 'Chantier requis.'),
    communeName: optionalText(100),
    startsOn: calendarDate('Date de début au format AAAA-MM-JJ.').nullable().default(null),
    endsOn: calendarDate('Date de fin au format AAAA-MM-JJ.').nullable().default(null),
    status: z.enum(clauseOperationStatuses.codes, 'Statut inconnu.').default('running'),
  })
  .refine((o) => !o.startsOn || !o.endsOn || o.endsOn >= o.startsOn, {
    path: ['endsOn'],
    message: 'La fin précède le début.',
  })
export const clauseOperationUpdate = clauseOperationInput.and(z.object({ version: versionSchema }))
export type ClauseOperationInput = z.input<typeof clauseOperationInput>

export const clauseLotInput = z.object({
  label: required(200, 'Intitulé du lot requis.'),
  employerId: id.nullable().default(null),
  requiredHours: int4('Heures d’insertion : un nombre entier.')
    .min(0, 'Heures d’insertion : 0 au moins.')
    .max(1_000_000, '1 000 000 heures au plus.'),
})
export const clauseLotUpdate = clauseLotInput.extend({ version: versionSchema })
export type ClauseLotInput = z.input<typeof clauseLotInput>

export const clauseParticipantInput = z.object({
  personId: id,
  criterion: z.enum(clauseCriteria.codes, 'Critère d’éligibilité inconnu.'),
  validatedOn: calendarDate('Date de validation au format AAAA-MM-JJ.'),
})
export const clauseParticipantUpdate = clauseParticipantInput
  .omit({ personId: true })
  .extend({ version: versionSchema })

export const clauseContractInput = z.object({
  lotId: id,
  personId: id,
  contractKind: z.enum(contractKinds.codes, 'Type de contrat inconnu.'),
  startsOn: calendarDate('Date de début au format AAAA-MM-JJ.'),
  durationMonths: int4('Durée en mois : un nombre entier.')
    .min(0, 'Durée : 0 mois au moins.')
    .max(120, '120 mois au plus.')
    .nullable()
    .default(null),
})

/** POST …/operations/:id/statements?file=releve.csv (the file as the body: CSV text or an XLSX workbook) */
export const clauseStatementQuery = z.object({
  file: text(200).min(1, 'Nom du fichier requis.').optional(),
})

const hoursPair = { requiredHours: z.number(), doneHours: z.number() }

export const clauseOperationSummary = z.object({
  id,
  name: z.string(),
  contractingAuthority: z.string(),
  contractRef: z.string().nullable(),
  siteLabel: z.string(),
  communeName: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(clauseOperationStatuses.codes),
  version: z.number(),
  lotCount: z.number(),
  participantCount: z.number(),
  ...hoursPair,
})
export type ClauseOperationSummary = z.infer<typeof clauseOperationSummary>

export const clauseCompanyHours = z.object({
  employerId: z.string().nullable(),
  name: z.string(),
  ...hoursPair,
})

export const clauseDashboardSchema = z.object({
  operations: z.array(clauseOperationSummary),
  companies: z.array(clauseCompanyHours),
  totals: z.object({ ...hoursPair, participants: z.number(), contracts: z.number(), sites: z.number() }),
})
export type ClauseDashboard = z.infer<typeof clauseDashboardSchema>

export const clauseLotSchema = z.object({
  id,
  label: z.string(),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  employerSiret: z.string().nullable(),
  version: z.number(),
  ...hoursPair,
})
export type ClauseLot = z.infer<typeof clauseLotSchema>

export const clauseParticipantSchema = z.object({
  id,
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  birthDate: z.string(),
  criterion: z.enum(clauseCriteria.codes),
  validatedOn: z.string(),
  version: z.number(),
  /** hours worked on this operation (the participants list of the structure: every operation) */
  hours: z.number(),
})
export type ClauseParticipant = z.infer<typeof clauseParticipantSchema>

export const clauseContractSchema = z.object({
  id,
  lotId: z.string(),
  lotLabel: z.string(),
  personId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  contractKind: z.enum(contractKinds.codes),
  startsOn: z.string(),
  durationMonths: z.number().nullable(),
  version: z.number(),
})
export type ClauseContract = z.infer<typeof clauseContractSchema>

export const clauseStatementSchema = z.object({
  id,
  fileName: z.string(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  rowCount: z.number(),
  /** the month (yyyy-mm) of the company's statement (null: an old statement of several months) */
  period: z.string().nullable(),
  employerId: z.string().nullable(),
  employerName: z.string().nullable(),
  /** how many times that company's month was imported: this line is the latest */
  versions: z.number(),
  /** the hours this version still holds */
  hours: z.number(),
  /** the months (yyyy-mm-01) whose hours this statement holds */
  months: z.array(z.string()),
})
export type ClauseStatement = z.infer<typeof clauseStatementSchema>

export const clauseOperationDetail = clauseOperationSummary.extend({
  lots: z.array(clauseLotSchema),
  participants: z.array(clauseParticipantSchema),
  contracts: z.array(clauseContractSchema),
  statements: z.array(clauseStatementSchema),
  months: z.array(z.object({ month: z.string(), hours: z.number() })),
  companies: z.array(clauseCompanyHours),
})
export type ClauseOperationDetail = z.infer<typeof clauseOperationDetail>

export const clauseStatementResult = z.object({
  /** one statement per company and month of the file */
  statementIds: z.array(id),
  fileName: z.string(),
  rows: z.number(),
  created: z.number(),
  replaced: z.number(),
  months: z.array(z.string()),
  hours: z.number(),
})
export type ClauseStatementResult = z.infer<typeof clauseStatementResult>

/** GET /api/employment/clauses/home: the facilitator's home block */
export const clauseHomeSchema = z.object({
  year: z.number(),
  /** the operations not closed: required hours (their lots') and the hours done this year */
  operations: z.array(z.object({ id, name: z.string(), ...hoursPair })),
  /** last month, yyyy-mm */
  lastMonth: z.string(),
  /** the companies of a lot of a running operation with no statement of last month */
  missing: z.array(z.object({ operationId: id, operationName: z.string(), employerId: id, employerName: z.string() })),
})
export type ClauseHome = z.infer<typeof clauseHomeSchema>
