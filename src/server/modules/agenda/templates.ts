import type { TemplateKey } from '../../../shared/agenda/messages.schema.ts'

/** The French texts a structure starts with; the admin edits them (agenda_template keeps the edited ones). */
export const defaultTemplates: Record<TemplateKey, { subject: string | null; body: string }> = {
  convocation_email: {
    subject: 'Rendez-vous le {date} à {heure}',
    body: `Bonjour {prenom},

Vous avez rendez-vous le {date} à {heure} avec {conseiller}.
Lieu : {lieu}

L'invitation est jointe à ce message : ouvrez-la pour l'ajouter à votre agenda.
Si vous ne pouvez pas venir, prévenez-nous dès que possible.

{structure}`,
  },
  reminder_email: {
    subject: 'Rappel : rendez-vous demain à {heure}',
    body: `Bonjour {prenom},

Nous vous rappelons votre rendez-vous demain, le {date} à {heure}, avec {conseiller}.
Lieu : {lieu}

Si vous ne pouvez pas venir, prévenez-nous dès que possible.

{structure}`,
  },
  convocation_sms: {
    subject: null,
    body: '{structure} : bonjour {prenom}, rendez-vous le {date} à {heure} avec {conseiller}, {lieu}.',
  },
  reminder_sms: {
    subject: null,
    body: '{structure} : rappel, rendez-vous demain {date} à {heure}, {lieu}. Empêché ? Prévenez-nous.',
  },
}

export type Values = Record<'prenom' | 'nom' | 'date' | 'heure' | 'lieu' | 'conseiller' | 'structure', string>

/** Replaces each {placeholder}; the templates are checked on save, so an unknown one is left as typed. */
export const render = (text: string, values: Values) =>
  text.replace(/\{([a-z]+)\}/g, (whole, key: string) => (key in values ? values[key as keyof Values] : whole))
