import type { TrainingFunderCode } from '../../../shared/training/training.nomenclature.ts'

// What an LHEO file and a CSV file both become before they are checked and written (imports.service.ts): bodies,
// actions and sessions keyed by the funder's ids, each value with the place in the file it came from.

/** a place in the file: the line (1-based) and the column (a number in XML, the column's name in CSV) */
export interface Pos {
  line: number
  column: number | string
}

export interface ImportIssue extends Partial<Pos> {
  file: string
  message: string
}

export const MAX_ISSUES = 50

/** « catalogue.xml, ligne 12, colonne 18 : date invalide « 2026XX01 » » */
export function formatIssue(i: ImportIssue): string {
  const where = [
    i.file,
    i.line !== undefined ? `ligne ${i.line}` : '',
    i.column !== undefined ? `colonne ${i.column}` : '',
  ]
  return `${where.filter(Boolean).join(', ')} : ${i.message}`
}

/** field → where its value was read (the record's own place when a field has none) */
export type Places = Record<string, Pos>

export interface BodyRecord {
  /** the funder's id: the SIRET in LHEO, the `organisme_siret` column in CSV */
  key: string
  pos: Pos
  places: Places
  values: {
    name: string
    siret: string | null
    address: string | null
    communeCode: string | null
    contactName: string | null
    contactEmail: string | null
    contactPhone: string | null
  }
}

export interface ActionRecord {
  key: string
  bodyKey: string
  pos: Pos
  places: Places
  values: {
    code: string | null
    title: string
    funder: TrainingFunderCode
    nsfCode: string | null
    formacode: string | null
    situationKind?: string
    level2019: number | null
    public: string | null
    prerequisites: string | null
    objective: string | null
    durationHours: number | null
    places: number | null
  }
}

export interface SessionRecord {
  key: string
  actionKey: string
  pos: Pos
  places: Places
  values: {
    startsOn: string
    endsOn: string | null
    place: string | null
    communeCode: string | null
    places: number
    infoSessionPlace: string | null
    applicationsCloseOn: string | null
    status: 'open' | 'closed' | 'cancelled'
  }
}

export interface CatalogueFile {
  file: string
  bodies: BodyRecord[]
  actions: ActionRecord[]
  sessions: SessionRecord[]
  issues: ImportIssue[]
}

/** The import was refused: nothing was written. */
export class CatalogueImportFailed extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(
      `Import refusé : ${issues.length}${issues.length >= MAX_ISSUES ? ' premières' : ''} erreur${issues.length > 1 ? 's' : ''}, rien n’a été importé.`,
    )
  }
}

/** Stops reading a file after MAX_ISSUES. */
export class TooManyIssues extends Error {}

export function issueLog(file: string, issues: ImportIssue[]) {
  return (pos: Partial<Pos> | undefined, message: string) => {
    issues.push({ file, ...pos, message })
    if (issues.length >= MAX_ISSUES) throw new TooManyIssues()
  }
}

/** 'yyyy-mm-dd' when the day exists */
export function isDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}
