// What goes wrong in a bundle, located as precisely as we can: file, line (the header is line 1), column.

export interface ImportIssue {
  /** absent: about the bundle as a whole (which structure) */
  file?: string
  line?: number
  column?: string
  message: string
}

export const MAX_ISSUES = 50

/** « persons.csv, ligne 12, colonne birth_date : date invalide « 31/02/2009 » (attendu AAAA-MM-JJ) » */
export function formatIssue(i: ImportIssue): string {
  const where = [i.file ?? '', i.line !== undefined ? `ligne ${i.line}` : '', i.column ? `colonne ${i.column}` : '']
  const place = where.filter(Boolean).join(', ')
  return place ? `${place} : ${i.message}` : i.message
}

/** The import was refused: nothing was written (the caller's transaction rolls back). */
export class ImportFailed extends Error {
  constructor(
    readonly issues: ImportIssue[],
    /** stopped after MAX_ISSUES: there may be more */
    readonly truncated: boolean,
  ) {
    super(
      `Import refusé : ${issues.length}${truncated ? ' premières' : ''} erreur${issues.length > 1 ? 's' : ''}, rien n’a été importé.`,
    )
  }
}

/** Too many errors: stop reading. */
export class TooManyIssues extends Error {}

/** Collects the issues of one import, up to the limit. */
export class IssueLog {
  readonly issues: ImportIssue[] = []
  constructor(private readonly max = MAX_ISSUES) {}
  add(issue: ImportIssue) {
    this.issues.push(issue)
    if (this.issues.length >= this.max) throw new TooManyIssues()
  }
  get count() {
    return this.issues.length
  }
}

/** A value quoted in a message, shortened so that a whole line pasted into a cell does not flood the report. */
export const quote = (v: string) => `« ${v.length > 60 ? `${v.slice(0, 57)}…` : v} »`
