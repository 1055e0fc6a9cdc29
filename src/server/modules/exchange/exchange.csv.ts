import { once } from 'node:events'
import type { Readable, Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { CsvError, parse } from 'csv-parse'
import { stringify } from 'csv-stringify'

// The CSV dialect of a bundle: UTF-8 (a byte-order mark is accepted), comma separator, double quotes, header row.

export class CsvFormatError extends Error {
  constructor(
    readonly line: number | undefined,
    message: string,
  ) {
    super(message)
  }
}

const csvMessages: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'guillemet ouvert jamais fermé',
  CSV_INVALID_CLOSING_QUOTE: 'guillemet fermant suivi d’autre chose qu’une virgule ou une fin de ligne',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'caractère inattendu après un guillemet fermant',
}

/**
 * The records of a CSV stream with the line each starts on (1-based, the header being line 1); a quoted field
 * spanning several lines counts them, as a text editor does. Empty lines are skipped.
 */
export async function* csvRecords(stream: Readable): AsyncGenerator<{ line: number; fields: string[] }> {
  const parser = stream.pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }))
  stream.on('error', (e) => parser.destroy(e))
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      let inner = 0
      for (const f of record) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) inner++
      yield { line: info.lines - inner, fields: record }
    }
  } catch (error) {
    if (error instanceof CsvError)
      throw new CsvFormatError(
        (error as CsvError & { lines?: number }).lines,
        `CSV mal formé : ${csvMessages[error.code] ?? error.code}`,
      )
    throw error
  } finally {
    parser.destroy()
    stream.destroy()
  }
}

/** Writes rows as CSV into `out`, waiting when it is full (memory stays flat). */
export function csvWriter(out: Writable, columns: string[]) {
  const s = stringify({ header: true, columns, record_delimiter: 'unix' })
  s.pipe(out)
  return {
    async write(row: string[]) {
      if (!s.write(row)) await once(s, 'drain')
    },
    async end() {
      s.end()
      await finished(out)
    },
  }
}
