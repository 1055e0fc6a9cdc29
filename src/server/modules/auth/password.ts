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

export function checkPasswordStrength(password: string, field = 'password'): void {
  if (password.length < 12)
    throw new AppError('validation', 'Mot de passe trop court.', [
      { field, message: 'Le mot de passe doit comporter au moins 12 caractères.' },
    ])
  const normalised = password.toLowerCase()
  if (commonPasswords.has(normalised) || /^(.)\1+$/.test(password))
    throw new AppError('validation', 'Mot de passe trop courant.', [
      { field, message: 'Ce mot de passe figure parmi les plus courants : choisissez-en un autre.' },
    ])
}
