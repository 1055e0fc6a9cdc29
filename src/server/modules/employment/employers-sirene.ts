import { CsvError, parse } from 'csv-parse/sync'
import { sql } from 'kysely'
import {
  type EmployerImportResult,
  type EmployerInput,
  employerInput,
} from '../../../shared/employment/employers.schema.ts'
import { AppError } from '../../errors.ts'
import { employerBySiret, employerValues, insertEmployer, updateEmployer } from './employers.repository.ts'
import { siretTaken, withCommune } from './employers.service.ts'
import type { EmploymentCtx } from './employment-ctx.ts'

// The SIRENE import (docs/employment/employers.md « Import SIRENE »): a CSV with the public « StockEtablissement »
// columns (INSEE's SIRENE open data, one line per establishment), the whole file or nothing; every error names the
// file, the line and the column. A SIRET the structure already has updates its SIRENE fields (the structure's own —
// phone, e-mail, note, contacts — stay), a new one creates the file. One import at a time per structure.

/** the columns read; any other column of the stock file is ignored */
export const SIRENE_COLUMNS = [
  'siret',
  'denominationUniteLegale',
  'enseigne1Etablissement',
  'activitePrincipaleEtablissement',
  'trancheEffectifsEtablissement',
  'categorieJuridiqueUniteLegale',
  'numeroVoieEtablissement',
  'indiceRepetitionEtablissement',
  'typeVoieEtablissement',
  'libelleVoieEtablissement',
  'complementAdresseEtablissement',
  'codePostalEtablissement',
  'libelleCommuneEtablissement',
  'codeCommuneEtablissement',
] as const
type Column = (typeof SIRENE_COLUMNS)[number]

/** where each field of the form comes from in the file (the error names that column) */
const COLUMN_OF: Partial<Record<keyof EmployerInput, Column>> = {
  siret: 'siret',
  name: 'denominationUniteLegale',
  tradeName: 'enseigne1Etablissement',
  nafCode: 'activitePrincipaleEtablissement',
  workforceBand: 'trancheEffectifsEtablissement',
  legalForm: 'categorieJuridiqueUniteLegale',
  address: 'libelleVoieEtablissement',
  postcode: 'codePostalEtablissement',
  communeName: 'libelleCommuneEtablissement',
  communeCode: 'codeCommuneEtablissement',
}

/** INSEE's street types (typeVoieEtablissement) as the address writes them */
const STREET_TYPES: Record<string, string> = {
  ALL: 'allée',
  AV: 'avenue',
  BD: 'boulevard',
  CAR: 'carrefour',
  CHE: 'chemin',
  CHS: 'chaussée',
  CITE: 'cité',
  COR: 'corniche',
  CRS: 'cours',
  DOM: 'domaine',
  DSC: 'descente',
  ECA: 'écart',
  ESP: 'esplanade',
  FG: 'faubourg',
  GR: 'grande rue',
  HAM: 'hameau',
  HLE: 'halle',
  IMP: 'impasse',
  LD: 'lieu-dit',
  LOT: 'lotissement',
  MAR: 'marché',
  MTE: 'montée',
  PAS: 'passage',
  PL: 'place',
  PLN: 'plaine',
  PLT: 'plateau',
  PRO: 'promenade',
  PRV: 'parvis',
  QUA: 'quartier',
  QUAI: 'quai',
  RES: 'résidence',
  RLE: 'ruelle',
  ROC: 'rocade',
  RPT: 'rond-point',
  RTE: 'route',
  RUE: 'rue',
  SEN: 'sentier',
  SQ: 'square',
  TPL: 'terre-plein',
  TRA: 'traverse',
  VLA: 'villa',
  VLGE: 'village',
  ZA: 'zone d’activité',
  ZAC: 'zone d’aménagement concerté',
  ZI: 'zone industrielle',
}

export interface SireneIssue {
  file: string
  line?: number
  column?: string
  message: string
}
const MAX_ISSUES = 50
class TooManyIssues extends Error {}

/** « entreprises.csv, ligne 3, colonne siret : … » */
export const formatIssue = (i: SireneIssue) =>
  `${[i.file, i.line !== undefined ? `ligne ${i.line}` : '', i.column ? `colonne ${i.column}` : ''].filter(Boolean).join(', ')} : ${i.message}`

export interface SireneRecord {
  line: number
  input: EmployerInput
}

/** Reads and checks the file; nothing is written. */
export function readSireneCsv(text: string, file: string): { records: SireneRecord[]; issues: SireneIssue[] } {
  const issues: SireneIssue[] = []
  const records: SireneRecord[] = []
  const fail = (line: number | undefined, column: string | undefined, message: string) => {
    issues.push({ file, line, column, message })
    if (issues.length >= MAX_ISSUES) throw new TooManyIssues()
  }
  try {
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0)
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ','
    let rows: { record: string[]; info: { lines: number } }[]
    try {
      rows = parse(text, {
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as typeof rows
    } catch (e) {
      if (!(e instanceof CsvError)) throw e
      fail(
        (e as CsvError & { lines?: number }).lines ?? 1,
        undefined,
        `CSV mal formé (${e.message.replace(/^.*?: /, '')})`,
      )
      return { records, issues }
    }
    if (rows.length === 0) {
      fail(1, undefined, 'fichier vide')
      return { records, issues }
    }
    // the stock file's header is camelCase; a header typed by hand may differ in case only
    const header = rows[0].record.map((h) => {
      const t = h.trim()
      return SIRENE_COLUMNS.find((c) => c.toLowerCase() === t.toLowerCase()) ?? t
    })
    if (!header.includes('siret')) fail(1, 'siret', 'colonne obligatoire absente')
    if (!header.includes('denominationUniteLegale') && !header.includes('enseigne1Etablissement'))
      fail(1, 'denominationUniteLegale', 'colonne obligatoire absente (ou enseigne1Etablissement)')
    if (issues.length) return { records, issues }
    if (rows.length === 1) fail(2, undefined, 'aucune ligne d’établissement')
    const seen = new Map<string, number>()
    for (const { record, info } of rows.slice(1)) {
      const line = info.lines
      const get = (c: Column) => {
        const i = header.indexOf(c)
        const v = i >= 0 ? (record[i] ?? '').trim() : ''
        return v === '' ? null : v
      }
      const name = get('denominationUniteLegale') ?? get('enseigne1Etablissement')
      const streetType = get('typeVoieEtablissement')
      const street = [
        get('numeroVoieEtablissement'),
        get('indiceRepetitionEtablissement'),
        streetType ? (STREET_TYPES[streetType.toUpperCase()] ?? streetType.toLowerCase()) : null,
        get('libelleVoieEtablissement'),
      ]
        .filter(Boolean)
        .join(' ')
      const complement = get('complementAdresseEtablissement')
      const raw = {
        siret: get('siret') ?? '',
        name: name ?? '',
        // the sign apart from the registered name; when it stands for the name, not twice
        tradeName: name === get('enseigne1Etablissement') ? null : get('enseigne1Etablissement'),
        nafCode: get('activitePrincipaleEtablissement'),
        workforceBand: get('trancheEffectifsEtablissement'),
        legalForm: get('categorieJuridiqueUniteLegale'),
        address: [complement, street].filter(Boolean).join(', ') || null,
        postcode: get('codePostalEtablissement'),
        communeCode: get('codeCommuneEtablissement'),
        communeName: get('libelleCommuneEtablissement'),
      }
      const r = employerInput.safeParse(raw)
      if (!r.success) {
        for (const i of r.error.issues) {
          const field = String(i.path[0] ?? '') as keyof EmployerInput
          const column =
            field === 'name' && !header.includes('denominationUniteLegale')
              ? 'enseigne1Etablissement'
              : (COLUMN_OF[field] ?? field)
          fail(line, column, i.message)
        }
        continue
      }
      const first = seen.get(r.data.siret)
      if (first !== undefined) {
        fail(line, 'siret', `SIRET déjà présent ligne ${first}`)
        continue
      }
      seen.set(r.data.siret, line)
      records.push({ line, input: r.data })
    }
  } catch (e) {
    if (!(e instanceof TooManyIssues)) throw e
  }
  return { records, issues }
}

class ImportRefused extends Error {
  constructor(readonly issues: SireneIssue[]) {
    super(
      `Import refusé : ${issues.length}${issues.length >= MAX_ISSUES ? ' premières' : ''} erreur${issues.length > 1 ? 's' : ''}, rien n’a été importé.`,
    )
  }
}

const fieldOf = (i: SireneIssue) => [i.file, i.line, i.column].filter((p) => p !== undefined && p !== '').join(':')

/** Imports a SIRENE CSV file, whole or not at all; a refusal answers 400 with every error's file, line and column. */
export async function importSirene(
  ctx: EmploymentCtx,
  text: string,
  opts: { file: string; dryRun: boolean },
): Promise<EmployerImportResult> {
  const sid = ctx.actor.structureId
  const detail = { file: opts.file, dryRun: opts.dryRun, bytes: Buffer.byteLength(text) }
  await sql`SAVEPOINT employer_import`.execute(ctx.tx)
  try {
    const { records, issues } = readSireneCsv(text, opts.file)
    if (issues.length) throw new ImportRefused(issues)
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`employer-import:${sid}`}))`.execute(ctx.tx)
    const result = { created: 0, updated: 0 }
    for (const { input: raw } of records) {
      const input = withCommune(raw)
      const found = await employerBySiret(ctx.tx, sid, input.siret)
      if (found) {
        const { phone: _p, email: _e, note: _n, ...sirene } = employerValues(input)
        await updateEmployer(ctx.tx, sid, found.id, found.version, sirene)
        result.updated++
      } else {
        await insertEmployer(ctx.tx, sid, input, ctx.actor.userId)
        result.created++
      }
    }
    if (opts.dryRun) await sql`ROLLBACK TO SAVEPOINT employer_import`.execute(ctx.tx)
    else await sql`RELEASE SAVEPOINT employer_import`.execute(ctx.tx)
    await ctx.audit({ action: 'import', entity: 'employer', detail: { ...detail, ...result } })
    return { dryRun: opts.dryRun, ...result }
  } catch (error) {
    if (!(error instanceof ImportRefused)) {
      // a SIRET created by a desk while the file was read: refused like a duplicate, nothing written
      if ((error as { constraint?: string }).constraint === 'employer_siret_key') {
        await sql`ROLLBACK TO SAVEPOINT employer_import`.execute(ctx.tx)
        throw new AppError('conflict', siretTaken, [{ field: 'siret', message: siretTaken }])
      }
      throw error
    }
    await sql`ROLLBACK TO SAVEPOINT employer_import`.execute(ctx.tx)
    await ctx.audit({
      action: 'import_refused',
      entity: 'employer',
      detail: { ...detail, errors: error.issues.length },
    })
    throw new AppError(
      'validation',
      error.message,
      error.issues.map((i) => ({ field: fieldOf(i), message: formatIssue(i) })),
      true,
    )
  }
}
