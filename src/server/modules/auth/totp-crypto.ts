import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

/**
 * TOTP secrets are sealed with AES-256-GCM before they reach the database: a copy of the table (a backup, a dump) does not
 * give the second factor away. Stored form: `totp1:<key id>:<iv>:<ciphertext>:<tag>` (base64url). The key id names the
 * key without revealing it, so old keys can still open values while the current one seals new ones (rotation). The user's
 * id is bound as associated data: a value copied onto another account does not open.
 */
export interface TotpKeys {
  current: Buffer
  old: Buffer[]
}

const PREFIX = 'totp1'

export const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8)
const aad = (userId: string) => Buffer.from(`jalon.totp:${userId}`)

export class TotpKeyError extends Error {}

export function sealTotpSecret(keys: TotpKeys, userId: string, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv)
  cipher.setAAD(aad(userId))
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return [PREFIX, keyId(keys.current), iv, sealed, cipher.getAuthTag()]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join(':')
}

export const isSealed = (stored: string) => stored.startsWith(`${PREFIX}:`)

/**
 * Opens a stored value. `current` is false when the value should be sealed again with the current key: sealed with an
 * old key, or a clear value written before encryption existed.
 */
export function openTotpSecret(keys: TotpKeys, userId: string, stored: string): { secret: string; current: boolean } {
  if (!isSealed(stored)) return { secret: stored, current: false }
  const [, id, iv, sealed, tag] = stored.split(':')
  const key = [keys.current, ...keys.old].find((k) => keyId(k) === id)
  if (!key || !iv || !sealed || !tag)
    throw new TotpKeyError(`Secret TOTP chiffré avec une clé inconnue (${id}) : ajoutez-la à TOTP_ENCRYPTION_KEYS_OLD.`)
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    decipher.setAAD(aad(userId))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    const secret = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
    return { secret, current: key === keys.current }
  } catch {
    throw new TotpKeyError(`Secret TOTP illisible (clé ${id}) : valeur altérée ou copiée d’un autre compte.`)
  }
}
