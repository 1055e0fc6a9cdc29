import { applicationOutcomes, applicationSources } from '../../../shared/employment/employment.nomenclature.ts'
import type { Application, Operation } from '../../../shared/employment/operations.schema.ts'
import type { ListColumn } from '../../http/list-export.ts'

// An operation's applications as a file (docs/employment/operations.md « Export »): French headings, one row per
// application, written by the app's one list export (http/list-export.ts: `;` between fields, dd/mm/yyyy, audited).

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'Oui' : 'Non')
const testLabels = { passed: 'Réussi', failed: 'Échoué' } as const

/** The columns, with the operation's sessions shown as their day and hour in the structure's time zone. */
export function applicationColumns(operation: Operation, timeZone: string): ListColumn<Application>[] {
  const format = new Intl.DateTimeFormat('fr-FR', { timeZone, dateStyle: 'short', timeStyle: 'short' })
  const sessions = new Map(operation.sessions.map((s) => [s.id, format.format(new Date(s.at))]))
  return [
    { header: 'Nom', value: (a) => a.lastName, width: 20 },
    { header: 'Prénom', value: (a) => a.firstName, width: 16 },
    { header: 'Personne suivie', value: (a) => (a.person ? 'Oui' : 'Non') },
    { header: 'Commune', value: (a) => a.communeName ?? a.communeCode, width: 20 },
    { header: 'Candidature locale', value: (a) => (a.communeCode === null ? '' : yesNo(a.local)) },
    { header: 'Envoyée par', value: (a) => applicationSources.labels[a.source], width: 24 },
    { header: 'Reçue le', kind: 'date', value: (a) => a.receivedOn },
    {
      header: 'Information collective',
      value: (a) => (a.infoSessionId ? (sessions.get(a.infoSessionId) ?? '') : ''),
      width: 18,
    },
    { header: 'Présent(e)', value: (a) => yesNo(a.attended) },
    { header: 'Tests', value: (a) => (a.testResult ? testLabels[a.testResult] : '') },
    { header: 'Entretien le', kind: 'date', value: (a) => a.interviewedOn },
    { header: 'Issue', value: (a) => (a.outcome ? applicationOutcomes.labels[a.outcome] : ''), width: 16 },
  ]
}
