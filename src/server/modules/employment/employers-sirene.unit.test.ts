import { describe, expect, it } from 'vitest'
import { withLuhnKey } from '../../../shared/siret.ts'
import { formatIssue, readSireneCsv } from './employers-sirene.ts'

// Reading a SIRENE « StockEtablissement » extract (employers-sirene.ts): what each line becomes, and where each error is.
const s1 = withLuhnKey('7000000000001')
const s2 = withLuhnKey('7000000000002')

describe('SIRENE CSV', () => {
  it('reads the stock file’s columns (others ignored), the sign as trade name (or as the name when there is no denomination), the street type written out', () => {
    const csv = [
      'siret;siren;denominationUniteLegale;enseigne1Etablissement;activitePrincipaleEtablissement;trancheEffectifsEtablissement;numeroVoieEtablissement;indiceRepetitionEtablissement;typeVoieEtablissement;libelleVoieEtablissement;codePostalEtablissement;libelleCommuneEtablissement;codeCommuneEtablissement',
      `${s1};700000000;SAS DU PORT;LE PORT;5210B;22;12;B;AV;DE L'ENERGIE;59140;DUNKERQUE;59183`,
      `${s2};700000000;;CAFE DE LA DIGUE;56.30Z;;;;;;59140;DUNKERQUE;`,
    ].join('\r\n')
    const { records, issues } = readSireneCsv(csv, 'extrait.csv')
    expect(issues).toEqual([])
    expect(
      records.map((r) => [
        r.line,
        r.input.name,
        r.input.tradeName,
        r.input.nafCode,
        r.input.workforceBand,
        r.input.address,
      ]),
    ).toEqual([
      [2, 'SAS DU PORT', 'LE PORT', '52.10B', '22', "12 B avenue DE L'ENERGIE"],
      [3, 'CAFE DE LA DIGUE', null, '56.30Z', null, null],
    ])
    expect(records[0].input).toMatchObject({
      siret: s1,
      postcode: '59140',
      communeCode: '59183',
      communeName: 'DUNKERQUE',
    })
  })

  it('names the file, the line and the column of every error; a quoted line break counts its lines', () => {
    const csv = `siret,denominationUniteLegale,activitePrincipaleEtablissement,codePostalEtablissement\n${s1},"DEUX\nLIGNES",47.11F,59140\n${s1},COPIE,47.11F,59140\n123,,99.99Z,5914\n`
    const { issues } = readSireneCsv(csv, 'f.csv')
    expect(issues.map((i) => `${i.line}:${i.column}`)).toEqual([
      '4:siret',
      '5:siret',
      '5:denominationUniteLegale',
      '5:activitePrincipaleEtablissement',
      '5:codePostalEtablissement',
    ])
    expect(formatIssue(issues[0])).toBe('f.csv, ligne 4, colonne siret : SIRET déjà présent ligne 3')
  })

  it('refuses a file without the SIRET or a name column, and an empty one', () => {
    expect(readSireneCsv('nom,ville\nA,B\n', 'x.csv').issues.map((i) => i.column)).toEqual([
      'siret',
      'denominationUniteLegale',
    ])
    expect(readSireneCsv('', 'x.csv').issues[0].message).toBe('fichier vide')
  })
})
