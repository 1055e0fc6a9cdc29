import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  type Bundle,
  emptyDatabase,
  importInto,
  readBundle,
  tableCounts,
  withCell,
  withoutColumn,
  withoutFile,
  withRow,
} from '../../test/exchange.builders.ts'
import { createTestDb, type TestDb } from '../../test/test-db.ts'
import { formatIssue, ImportFailed } from './exchange.errors.ts'

// A bundle with one bad line: the error names the file, the line (header = 1) and the column, and nothing is imported.

let db: TestDb
let example: Bundle
beforeAll(async () => {
  db = await createTestDb()
  example = await readBundle()
})
beforeEach(() => emptyDatabase(db))
afterAll(() => db.drop())

/** Imports a bundle that must be refused; checks that the database did not change and returns the messages. */
async function refused(bundle: Bundle, opts: Parameters<typeof importInto>[2] = {}) {
  const before = await tableCounts(db)
  const error = await importInto(db, bundle, opts).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImportFailed)
  expect(await tableCounts(db)).toEqual(before)
  return (error as ImportFailed).issues.map(formatIssue)
}

describe('a bundle with one bad line imports nothing', () => {
  it('a date that does not exist', async () => {
    const messages = await refused(withCell(example, 'persons.csv', 3, 'birth_date', '31/02/2009'))
    expect(messages).toEqual([
      'persons.csv, ligne 4, colonne birth_date : date invalide « 31/02/2009 » (attendu AAAA-MM-JJ)',
    ])
  })

  it('a well-formed date that is not in the calendar', async () => {
    const messages = await refused(withCell(example, 'events.csv', 1, 'date', '2009-02-30'))
    expect(messages).toEqual(['events.csv, ligne 2, colonne date : date invalide « 2009-02-30 » (attendu AAAA-MM-JJ)'])
  })

  it('an unknown code', async () => {
    const messages = await refused(withCell(example, 'situations.csv', 2, 'kind', 'cdi_temps_partiel'))
    expect(messages).toEqual([
      'situations.csv, ligne 3, colonne kind : code inconnu « cdi_temps_partiel » (voir la liste dans docs/import-format.md)',
    ])
  })

  it('a value outside the list of its attribute', async () => {
    const messages = await refused(withCell(example, 'person_attributes.csv', 2, 'value', 'VI'))
    expect(messages).toEqual([
      'person_attributes.csv, ligne 3, colonne value : code inconnu « VI » (codes admis : with_parents, own, hosted, hostel, other)',
    ])
  })

  it('an unknown person', async () => {
    const messages = await refused(withCell(example, 'events.csv', 4, 'person_external_id', 'P3-999999'))
    expect(messages).toEqual([
      'events.csv, ligne 5, colonne person_external_id : personne introuvable « P3-999999 » (ni dans persons.csv, ni dans la base)',
    ])
  })

  it('an unknown site, programme or user', async () => {
    let b = withCell(example, 'persons.csv', 2, 'site_code', 'A-XX')
    b = withCell(b, 'enrolments.csv', 1, 'programme_code', 'CIVIS')
    b = withCell(b, 'situations.csv', 1, 'counsellor_email', 'personne@ailleurs.fr')
    expect(await refused(b)).toEqual([
      'persons.csv, ligne 3, colonne site_code : site introuvable « A-XX » (ni dans sites.csv, ni dans la base)',
      'situations.csv, ligne 2, colonne counsellor_email : utilisateur introuvable « personne@ailleurs.fr » (ni dans users.csv, ni dans la base)',
      'enrolments.csv, ligne 2, colonne programme_code : programme introuvable « CIVIS » (ni dans programmes.csv, ni dans la base)',
    ])
  })

  it('a missing required column', async () => {
    const messages = await refused(withoutColumn(example, 'statuses.csv', 'start_date'))
    expect(messages).toEqual(['statuses.csv, ligne 1, colonne start_date : colonne obligatoire absente'])
  })

  it('an empty required cell, an unknown column', async () => {
    let b = withCell(example, 'persons.csv', 1, 'last_name', '')
    b = { ...b, 'notes.csv': b['notes.csv']!.replace('author_email', 'auteur') }
    expect(await refused(b)).toEqual([
      'persons.csv, ligne 2, colonne last_name : valeur obligatoire manquante',
      'notes.csv, ligne 1, colonne auteur : colonne inconnue',
    ])
  })

  it('the line counts the lines of a quoted cell spanning several lines', async () => {
    const b = withRow(example, 'notes.csv', {
      external_id: 'N-3',
      person_external_id: 'ABC-77',
      created_at: 'hier',
      text: 'x',
    })
    // header, N-1 on lines 2–3, N-2 on line 4: the new row is line 5
    expect(await refused(b)).toEqual([
      'notes.csv, ligne 5, colonne created_at : date et heure invalides « hier » (attendu AAAA-MM-JJTHH:MM:SSZ)',
    ])
  })
})

describe('every error of the bundle is reported, up to a limit', () => {
  it('collects the errors of several files and lines instead of stopping at the first', async () => {
    let b = withCell(example, 'persons.csv', 1, 'sex', 'H')
    b = withCell(b, 'events.csv', 3, 'duration_minutes', '-5')
    b = withCell(b, 'situations.csv', 3, 'end_date', '2009-01-01')
    b = withCell(b, 'enrolments.csv', 1, 'exit_reason', 'cdi')
    expect(await refused(b)).toEqual([
      'persons.csv, ligne 2, colonne sex : code inconnu « H » (codes admis : F, M)',
      'events.csv, ligne 4, colonne duration_minutes : -5 hors des limites (de 0 à 1440)',
      'situations.csv, ligne 4, colonne end_date : date de fin avant la date de début',
      'enrolments.csv, ligne 2, colonne exit_date : un motif de sortie demande une date de sortie',
    ])
  })

  it('the rows that refer to a refused row are left out without more messages: the cause is reported once', async () => {
    const messages = await refused(withCell(example, 'persons.csv', 4, 'birth_date', '1968-13-01'))
    expect(messages).toEqual([
      'persons.csv, ligne 5, colonne birth_date : date invalide « 1968-13-01 » (attendu AAAA-MM-JJ)',
    ])
  })

  it('a reference to a person absent from the file and from the database is reported on every row', async () => {
    let b = withCell(example, 'events.csv', 1, 'person_external_id', 'X-1')
    b = withCell(b, 'notes.csv', 1, 'person_external_id', 'X-1')
    expect(await refused(b)).toEqual([
      'notes.csv, ligne 2, colonne person_external_id : personne introuvable « X-1 » (ni dans persons.csv, ni dans la base)',
      'events.csv, ligne 2, colonne person_external_id : personne introuvable « X-1 » (ni dans persons.csv, ni dans la base)',
    ])
  })

  it('stops after the limit', async () => {
    let b = example
    for (let row = 1; row <= 6; row++) b = withCell(b, 'events.csv', row, 'kind', 'rdv')
    const error = await importInto(db, b, { maxIssues: 4 }).catch((e: ImportFailed) => e)
    expect(error).toBeInstanceOf(ImportFailed)
    expect((error as ImportFailed).issues).toHaveLength(4)
    expect((error as ImportFailed).truncated).toBe(true)
  })
})

describe('other refusals', () => {
  it('the same external id twice in a file, even in different batches', async () => {
    const b = withRow(example, 'events.csv', {
      external_id: 'E-1002',
      person_external_id: 'ABC-77',
      kind: 'phone',
      date: '2009-05-01',
    })
    expect(await refused(b, { batchSize: 2 })).toEqual([
      'events.csv, ligne 8, colonne external_id : « E-1002 » en double (déjà ligne 3)',
    ])
    expect(await refused(b)).toEqual(['events.csv, ligne 8, colonne external_id : « E-1002 » en double (déjà ligne 3)'])
  })

  it('what only the database sees: two values of an attribute on the same day', async () => {
    const b = withCell(example, 'person_attributes.csv', 3, 'valid_from', '2009-01-15')
    expect(await refused(b)).toEqual([
      'person_attributes.csv, ligne 4, colonne valid_from : la personne a déjà une valeur de cet attribut à cette date (sur une autre ligne)',
    ])
  })

  it('an unknown theme; a local theme mapped to a national theme of another domain', async () => {
    let b = withCell(example, 'propositions.csv', 1, 'theme', 'permis')
    b = withCell(b, 'proposition_themes.csv', 1, 'national_code', 'housing')
    // PR-4, on the refused local theme, is left out without a message of its own
    expect(await refused(b)).toEqual([
      'proposition_themes.csv, ligne 2, colonne national_code : le thème national « housing » est du domaine social, pas professional',
      'propositions.csv, ligne 2, colonne theme : thème introuvable « permis » (ni parmi les thèmes nationaux, ni dans proposition_themes.csv ou la base)',
    ])
  })

  it('a theme of another domain', async () => {
    const b = withCell(example, 'propositions.csv', 2, 'domain', 'professional')
    expect(await refused(b)).toEqual([
      'propositions.csv, ligne 3, colonne domain : le thème « housing » est du domaine social, pas professional',
    ])
  })

  it('an unknown file, a file with semicolons, a malformed quote, a line of the wrong width', async () => {
    const b = {
      ...example,
      'person.csv': 'external_id\n',
      'statuses.csv': 'external_id;person_external_id;status;start_date\nS-1;ABC-77;rsa;2008-06-01\n',
      'notes.csv': 'external_id,person_external_id,created_at,text\nN-1,ABC-77,2009-01-01,"pas fermé\n',
      'events.csv': `${example['events.csv']}E-9,ABC-77\n`,
    }
    const messages = await refused(b)
    expect(messages[0]).toMatch(/^person\.csv : fichier inconnu \(fichiers attendus : structure\.csv, sites\.csv/)
    expect(messages.slice(1)).toEqual([
      'statuses.csv, ligne 1 : le séparateur doit être la virgule, pas le point-virgule',
      'notes.csv, ligne 2 : CSV mal formé : guillemet ouvert jamais fermé',
      'events.csv, ligne 8 : 2 champs au lieu de 9 (ceux de l’en-tête)',
    ])
  })

  it('a file that is not UTF-8', async () => {
    const latin1 = Buffer.from(
      'external_id,person_external_id,created_at,text\nN-1,ABC-77,2009-01-01,r\xe9union\n',
      'latin1',
    )
    const b = { ...example, 'notes.csv': latin1.toString('utf8') }
    expect(await refused(b)).toEqual([
      'notes.csv, ligne 2 : caractère illisible : le fichier doit être encodé en UTF-8 (dans un tableur : « CSV UTF-8 »)',
    ])
  })

  it('an empty database and no structure.csv', async () => {
    expect(await refused(withoutFile(example, 'structure.csv'))).toEqual([
      'structure.csv : la base est vide : le lot doit contenir structure.csv (id, name)',
    ])
  })

  it('several structures and none named; a structure that does not exist', async () => {
    await db.kysely
      .insertInto('structure')
      .values([
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ])
      .execute()
    expect(await refused(example)).toEqual(['la base contient plusieurs structures (a, b) : précisez --structure'])
    expect(await refused(example, { structureId: 'c' })).toEqual([
      'la structure « c » n’existe pas (structures : a, b)',
    ])
  })
})
