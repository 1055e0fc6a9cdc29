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
  // the lines are counted here (each record ends one line, plus the line breaks inside its quoted cells): csv-parse's
  // own count (`info`) builds an object per record, 40 % of its time
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true }))
  stream.on('error', (e) => parser.destroy(e))
  let line = 1
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const start = line
      line++
      for (const f of record) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) line++
      // an empty line
      if (record.length === 1 && record[0] === '') continue
      yield { line: start, fields: record }
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
