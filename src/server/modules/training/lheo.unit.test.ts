import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { siretError } from '../../../shared/siret.ts'
import { readCatalogue } from './imports.service.ts'

// The LHEO reader and the SIRET key (docs/training/catalogue.md « LHEO »).
const sample = readFileSync(
  resolve(import.meta.dirname, '../../../../docs/examples/lheo/catalogue-exemple.xml'),
  'utf8',
)

describe('LHEO', () => {
  it('maps the sample: bodies by SIRET, funders from the LHEO codes, AFPA by name, levels, places', () => {
    const r = readCatalogue('lheo', sample, 'catalogue-exemple.xml')
    expect(r.issues).toEqual([])
    expect(r.bodies.map((b) => b.key)).toEqual(['77985300700127', '33131709700011'])
    expect(r.actions.map((a) => a.input?.funder)).toEqual(['regional_programme', 'agefiph', 'afpa'])
    expect(r.actions[0]!.input).toMatchObject({ nsfCode: '233', formacode: '22454', level2019: 3, durationHours: 910 })
    expect(r.sessions.map((s) => [s.key, s.input?.startsOn, s.input?.places, s.input?.status])).toEqual([
      ['S-PRF-2026-0101-1', '2026-09-07', 12, 'open'],
      ['S-PRF-2026-0101-2', '2027-03-01', 10, 'open'],
      ['S-PRF-2026-0102-1', '2026-10-05', 8, 'closed'],
      ['S-AFPA-2026-0201-1', '2026-09-14', 15, 'open'],
    ])
  })

  it('names the line and column of a bad date', () => {
    const bad = sample.replace('<debut>20260907</debut>', '<debut>2026X907</debut>')
    const line = bad.split('\n').findIndex((l) => l.includes('2026X907')) + 1
    const column = bad.split('\n')[line - 1]!.indexOf('2026X907') + 1
    const r = readCatalogue('lheo', bad, 'f.xml')
    expect(r.issues).toEqual([{ file: 'f.xml', line, column, message: expect.stringContaining('date invalide') }])
  })

  it('refuses a DOCTYPE (external entity, entity bomb) and malformed XML, with the place', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE lheo [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<lheo>&x;</lheo>'
    const r = readCatalogue('lheo', xxe, 'x.xml')
    expect(r.issues).toHaveLength(1)
    expect(r.issues[0]).toMatchObject({ line: 2, message: expect.stringContaining('DOCTYPE') })
    const bomb = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><lheo>&b;</lheo>`
    expect(readCatalogue('lheo', bomb, 'b.xml').issues[0]!.message).toContain('DOCTYPE')
    const broken = readCatalogue('lheo', '<lheo>\n  <offres>\n</lheo>', 'c.xml')
    expect(broken.issues[0]).toMatchObject({ file: 'c.xml', line: 3 })
    expect(readCatalogue('lheo', '<catalogue/>', 'd.xml').issues[0]!.message).toContain('LHEO')
  })

  it('checks the SIRET key, La Poste apart', () => {
    expect(siretError('77985300700127')).toBeNull()
    expect(siretError('77985300700128')).toContain('clé')
    expect(siretError('35600000000048')).toBeNull()
    expect(siretError('35600000012341')).toBeNull()
    expect(siretError('35600000012342')).toContain('clé')
  })
})

describe('CSV', () => {
  it('reads one line per session, and names the line and the column of an error', () => {
    const head = 'organisme_siret;organisme_nom;action_ref;action_intitule;financeur;code_nsf;debut;fin;places'
    const ok = `${head}\n77985300700127;BTP;A1;Maçon;regional_programme;233;2026-09-07;2027-01-29;12\n77985300700127;BTP;A1;Maçon;regional_programme;233;01/03/2027;;10\n`
    const r = readCatalogue('csv', ok, 'c.csv')
    expect(r.issues).toEqual([])
    expect([r.bodies.length, r.actions.length, r.sessions.length]).toEqual([1, 1, 2])
    expect(r.sessions[1]!.input?.startsOn).toBe('2027-03-01')
    const bad = readCatalogue('csv', ok.replace('01/03/2027', '31/02/2027').replace('233', '999'), 'c.csv')
    expect(bad.issues.map((i) => [i.line, i.column])).toEqual(
      expect.arrayContaining([
        [2, 'code_nsf'],
        [3, 'debut'],
      ]),
    )
  })
})
