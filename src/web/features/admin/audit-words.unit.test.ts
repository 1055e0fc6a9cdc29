import { describe, expect, it } from 'vitest'
import type { AuditEvent } from '../../../shared/admin/admin.schema.ts'
import { setTimeZone } from '../../components/format.ts'
import { auditSentence } from './audit-words.ts'

// The audit trail in words: who did what to which person, and when, in the structure's time.

const line = (patch: Partial<AuditEvent>): AuditEvent => ({
  id: 1,
  at: '2026-03-12T09:05:00.000Z',
  actorId: 'u1',
  actorLabel: 'Marie Dupont',
  action: 'update',
  entity: 'person',
  entityId: 'p1',
  detail: null,
  ip: '10.0.0.1',
  personId: 'p1',
  personName: 'MARTIN Jean',
  ...patch,
})

describe('the audit trail in words', () => {
  setTimeZone('Europe/Paris')

  it('says who did what to whom, and when, in the structure’s time', () => {
    expect(auditSentence(line({ action: 'attribute.create' }))).toBe(
      'Marie Dupont a modifié la situation de MARTIN Jean le 12/03/2026 à 10:05.',
    )
    expect(auditSentence(line({ action: 'person.read' }))).toBe(
      'Marie Dupont a ouvert le dossier de MARTIN Jean le 12/03/2026 à 10:05.',
    )
    expect(auditSentence(line({ action: 'sensitive.read' }))).toBe(
      'Marie Dupont a consulté les informations sensibles du dossier de MARTIN Jean le 12/03/2026 à 10:05.',
    )
  })

  it('says what record of the person was touched, and the kind of event', () => {
    const event = line({
      entity: 'event',
      entityId: 'e1',
      action: 'create',
      detail: { personId: 'p1', kind: 'workshop' },
    })
    expect(auditSentence(event)).toBe(
      'Marie Dupont a enregistré un événement (atelier) dans le dossier de MARTIN Jean le 12/03/2026 à 10:05.',
    )
    expect(auditSentence(line({ entity: 'enrolment', action: 'create' }))).toContain(
      'a inscrit MARTIN Jean à un programme',
    )
  })

  it('elides before a vowel, and says « une personne » to a reader who may not see names', () => {
    expect(auditSentence(line({ action: 'create', personName: 'ANDRÉ Paul' }))).toContain('le dossier d’ANDRÉ Paul le')
    expect(auditSentence(line({ action: 'create', personName: null }))).toContain('a créé le dossier d’une personne')
  })

  it('says the account’s own acts without a person', () => {
    expect(
      auditSentence(line({ entity: 'app_user', action: 'signin.success', personId: null, personName: null })),
    ).toBe('Marie Dupont a ouvert une session le 12/03/2026 à 10:05.')
    expect(
      auditSentence(
        line({ action: 'signin.failure', actorLabel: 'inconnu@example.fr', personId: null, personName: null }),
      ),
    ).toBe('Connexion refusée pour inconnu@example.fr le 12/03/2026 à 10:05.')
  })

  it('still says an action it does not know, with its code', () => {
    expect(auditSentence(line({ entity: 'plie_step', action: 'validate', personId: null, personName: null }))).toBe(
      'Marie Dupont a effectué l’action « validate » (plie_step) le 12/03/2026 à 10:05.',
    )
  })
})
