import { hash, verify } from '@node-rs/argon2'
import { AppError } from '../../errors.ts'
import { commonPasswords } from './common-passwords.ts'

// argon2id with the OWASP-recommended parameters (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 as const }

export const hashPassword = (password: string) => hash(password, options)
export const verifyPassword = (stored: string, password: string) => verify(stored, password).catch(() => false)

/** A hash to compare against when the account does not exist, so a wrong e-mail takes as long as a wrong password. */
let dummy: Promise<string> | undefined
export const dummyHash = () => {
  dummy ??= hashPassword('pas-un-vrai-mot-de-passe')
  return dummy
}

/** Letters and digits only, lowercased: 'Marie.Dupont-1984' and 'mariedupont1984' compare equal. */
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/**
 * Length, the most common passwords, and the account's own e-mail: the first thing an attacker tries is the address
 * they typed, or its local part ('marie.dupont' for marie.dupont@…), with or without separators and digits around it.
 */
export function checkPasswordStrength(password: string, field = 'password', email?: string): void {
  if (password.length < 12)
    throw new AppError('validation', 'Mot de passe trop court.', [
      { field, message: 'Le mot de passe doit comporter au moins 12 caractères.' },
    ])
  const normalised = password.toLowerCase()
  if (commonPasswords.has(normalised) || /^(.)\1+$/.test(password))
    throw new AppError('validation', 'Mot de passe trop courant.', [
      { field, message: 'Ce mot de passe figure parmi les plus courants : choisissez-en un autre.' },
    ])
  if (email) {
    const local = squash(email.split('@')[0] ?? '')
    const squashed = squash(password)
    if (squashed.includes(squash(email)) || (local.length >= 4 && squashed.includes(local)))
      throw new AppError('validation', 'Mot de passe trop proche de l’adresse e-mail.', [
        { field, message: 'Le mot de passe ne doit pas reprendre votre adresse e-mail.' },
      ])
  }
}
