import type { AuditEvent } from '../../../shared/admin/admin.schema.ts'
import { eventKinds } from '../../../shared/nomenclatures/accompaniment.ts'
import { formatDateTime } from '../../components/format.ts'

// The audit trail in words (issue 10): « Marie Dupont a modifié la situation de MARTIN Jean le 12/03/2026 à 10:05. »
// Who (the line's author), what (its action on its kind of record), to whom (the person the line is about, named for
// the director, « une personne » for the admin, who reads no file), when (the structure's time). An action this page
// does not know yet (a new module's) is still said, with its code.

/** « de MARTIN Jean », « d'ANDRÉ Paul », « d'une personne » */
function ofPerson(e: AuditEvent): string {
  const name = e.personName ?? (e.personId ? 'une personne' : null)
  if (!name) return ''
  return /^[aeiouyàâäéèêëîïôöùûüÿæœh]/i.test(name) ? `d’${name}` : `de ${name}`
}
const whom = (e: AuditEvent) => e.personName ?? 'une personne'

const detailOf = (e: AuditEvent) =>
  e.detail && typeof e.detail === 'object' ? (e.detail as Record<string, unknown>) : {}
const kindOfEvent = (e: AuditEvent) => {
  const kind = detailOf(e).kind
  return typeof kind === 'string' && kind in eventKinds.labels
    ? ` (${eventKinds.labels[kind as keyof typeof eventKinds.labels].toLowerCase()})`
    : ''
}

type Say = (e: AuditEvent, de: string) => string

/** what was done, by `<entity>:<action>` or by action alone; `de` is « de MARTIN Jean » (or empty) */
const phrases: Record<string, Say> = {
  'person:create': (_, de) => `a créé le dossier ${de}`,
  'person:update': (_, de) => `a modifié l’identité ${de}`,
  'person:person.read': (_, de) => `a ouvert le dossier ${de}`,
  'person:sensitive.read': (_, de) => `a consulté les informations sensibles du dossier ${de}`,
  'person:note.create': (_, de) => `a écrit une note dans le dossier ${de}`,
  'person:note.update': (_, de) => `a modifié une note du dossier ${de}`,
  'person:attribute.create': (_, de) => `a modifié la situation ${de}`,
  'person:attribute.delete': (_, de) => `a supprimé un élément de la situation ${de}`,
  'person:status.create': (_, de) => `a enregistré un statut ${de}`,
  'person:status.update': (_, de) => `a modifié un statut ${de}`,
  'person:duplicate.hidden_match': (_, de) => `a trouvé le dossier ${de} parmi les doublons possibles`,
  'event:create': (e, de) => `a enregistré un événement${kindOfEvent(e)} dans le dossier ${de}`,
  'event:update': (e, de) => `a modifié un événement${kindOfEvent(e)} du dossier ${de}`,
  'event:delete': (_, de) => `a supprimé un événement du dossier ${de}`,
  'proposition:create': (_, de) => `a enregistré une proposition dans le dossier ${de}`,
  'proposition:update': (_, de) => `a modifié une proposition du dossier ${de}`,
  'situation:create': (_, de) => `a enregistré une situation ${de}`,
  'situation:update': (_, de) => `a modifié une situation ${de}`,
  'situation:delete': (_, de) => `a supprimé une situation ${de}`,
  'enrolment:create': (e) => `a inscrit ${whom(e)} à un programme`,
  'enrolment:update': (_, de) => `a modifié l’inscription ${de} à un programme`,
  'appointment:create': () => 'a fixé un rendez-vous',
  'appointment:update': () => 'a modifié un rendez-vous',
  'appointment:move': () => 'a déplacé un rendez-vous',
  'appointment:cancel': () => 'a annulé un rendez-vous',
  'appointment:attendance': () => 'a noté la présence à un rendez-vous',
  'appointment:arrival': () => 'a signalé une arrivée à l’accueil',
  'appointment:convocation': () => 'a envoyé une convocation',
  'app_user:create': () => 'a créé un compte utilisateur',
  'app_user:update': () => 'a modifié un compte utilisateur',
  'app_user:deactivate': () => 'a désactivé un compte utilisateur',
  'app_user:password.reset': () => 'a réinitialisé le mot de passe d’un utilisateur',
  'app_user:invitation.resent': () => 'a renvoyé une invitation',
  'app_user:sessions.ended': () => 'a fermé les sessions d’un utilisateur',
  'signin.success': () => 'a ouvert une session',
  'signin.password_ok': () => 'a donné son mot de passe (code de double authentification attendu)',
  'signin.totp_failure': () => 'a saisi un code de double authentification erroné',
  signout: () => 'a fermé sa session',
  'totp.enrolment_started': () => 'a commencé l’activation de la double authentification',
  'totp.enabled': () => 'a activé la double authentification',
  'password.changed': () => 'a changé son mot de passe',
  'password.reset_completed': () => 'a choisi un nouveau mot de passe',
  'site:create': () => 'a créé un site',
  'site:update': () => 'a modifié un site',
  'programme:create': () => 'a créé un programme',
  'programme:update': () => 'a modifié un programme',
  'structure:update': () => 'a modifié les paramètres de la structure',
  'exchange.export': () => 'a exporté des dossiers (fichiers d’échange)',
  'exchange.import': () => 'a importé des dossiers (fichiers d’échange)',
  'exchange.refused': () => 'a tenté un import, refusé',
  'exchange.import_failed': () => 'a tenté un import, qui a échoué',
  'report.annual': () => 'a produit le rapport annuel',
  'list.export': () => 'a exporté une liste',
  'demo.loaded': () => 'a chargé les données de démonstration',
}

/** « le 12/03/2026 à 10:05 », in the structure's time zone */
export function whenSaid(at: string): string {
  const [day, time] = formatDateTime(at).split(' ')
  return time ? `le ${day} à ${time}` : `le ${day}`
}

/** The line as a sentence. */
export function auditSentence(e: AuditEvent): string {
  const when = whenSaid(e.at)
  if (e.action === 'signin.failure') return `Connexion refusée pour ${e.actorLabel} ${when}.`
  const de = ofPerson(e)
  const say = phrases[`${e.entity}:${e.action}`] ?? phrases[e.action]
  const what = say
    ? say(e, de)
    : `a effectué l’action « ${e.action} » (${e.entity})${e.personId ? ` sur le dossier ${de}` : ''}`
  return `${e.actorLabel} ${what.replace(/\s+$/, '')} ${when}.`
}
