import type { IndicatorDeclaration } from '../indicator.ts'
import { countColumn } from '../tables.ts'
import { situationEntries, situationGroups } from './situation-groups.ts'

export const intoEmployment: IndicatorDeclaration = {
  id: 'org.into_employment',
  family: 'org',
  label: 'Personnes entrées en emploi',
  definition:
    'Nombre de personnes distinctes, tous programmes confondus, ayant débuté dans la période une situation d’emploi ' +
    '(CDI, CDD, intérim, saisonnier, indépendant, autre emploi), d’alternance (apprentissage, professionnalisation) ' +
    'ou un contrat d’insertion (contrat aidé, SIAE).',
  population: 'Toutes les personnes de la structure, dans le périmètre demandé.',
  breakdowns: ['groupe de situations'],
  notes: ['Une personne entrée plusieurs fois en emploi compte une fois.'],
  async compute(ctx) {
    const c = await situationEntries(ctx, ctx.period, 'all')
    const keys = ['employmentCddCdi', 'workStudyContract', 'integrationContract', 'employmentTotal'] as const
    return {
      value: c.employmentTotal.persons,
      figures: [],
      tables: [
        {
          key: 'byGroup',
          title: 'Personnes entrées en emploi, par type de contrat',
          rowHeader: 'Type de contrat',
          columns: [countColumn('persons', 'Personnes', { additive: false }), countColumn('measures', 'Contrats')],
          rows: keys.map((k) => ({
            key: k,
            label: k === 'employmentTotal' ? 'Total' : situationGroups[k].label,
            values: [c[k].persons, c[k].measures],
            ...(k === 'employmentTotal' ? { total: true } : {}),
          })),
          note: 'Une personne ayant débuté des contrats de plusieurs types compte une fois par type et une fois au total.',
        },
      ],
    }
  },
}

export const orgIndicators: IndicatorDeclaration[] = [intoEmployment]
