import { randomUUID } from 'node:crypto'
import type { Role } from '../../shared/auth/roles.ts'
import { developmentTotpKey } from '../config.ts'
import type { Db } from '../db/database.ts'
import { hashPassword } from '../modules/auth/password.ts'
import { sealTotpSecret, type TotpKeys } from '../modules/auth/totp-crypto.ts'

// Test data from builders, never hand-written rows scattered in tests.
export const TEST_PASSWORD = 'correct-horse-battery-staple'
let hashed: Promise<string> | undefined
const passwordHash = () => {
  hashed ??= hashPassword(TEST_PASSWORD)
  return hashed
}
let seq = 0
const next = () => ++seq

export interface Fixture {
  structureId: string
  sites: { a: string; b: string }
  programmes: { ml: string; plie: string }
}

export async function buildStructure(db: Db, id = `s${next()}`): Promise<Fixture> {
  const k = db.kysely
  await k
    .insertInto('structure')
    .values({ id, name: `Structure ${id}` })
    .execute()
  const site = async (code: string, kind: 'antenna' | 'desk') =>
    (
      await k
        .insertInto('site')
        .values({ structure_id: id, code, name: `Site ${code}`, kind, address: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const programme = async (code: string) =>
    (
      await k
        .insertInto('programme')
        .values({ structure_id: id, code, name: code })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  return {
    structureId: id,
    sites: { a: await site('A', 'antenna'), b: await site('B', 'desk') },
    programmes: { ml: await programme('ML'), plie: await programme('PLIE') },
  }
}

export async function buildUser(
  db: Db,
  fx: Fixture,
  opts: {
    role: Role
    email?: string
    siteIds?: string[]
    programmeIds?: string[]
    active?: boolean
    /** stored sealed, as the server stores it (with the test configuration's key unless told otherwise) */
    totpSecret?: string
    totpKeys?: TotpKeys
  },
) {
  const email = opts.email ?? `${opts.role}.${next()}@test.jalon.fr`
  const userId = randomUUID()
  const keys = opts.totpKeys ?? { current: developmentTotpKey(), old: [] }
  const { id } = await db.kysely
    .insertInto('app_user')
    .values({
      id: userId,
      structure_id: fx.structureId,
      email,
      display_name: `Utilisateur ${opts.role}`,
      role: opts.role,
      password_hash: await passwordHash(),
      active: opts.active ?? true,
      totp_secret: opts.totpSecret ? sealTotpSecret(keys, userId, opts.totpSecret) : null,
      totp_enabled: !!opts.totpSecret,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const siteIds = opts.siteIds ?? [fx.sites.a]
  const programmeIds = opts.programmeIds ?? [fx.programmes.ml]
  if (siteIds.length)
    await db.kysely
      .insertInto('user_site')
      .values(siteIds.map((site_id) => ({ user_id: id, site_id })))
      .execute()
  if (programmeIds.length)
    await db.kysely
      .insertInto('user_programme')
      .values(programmeIds.map((programme_id) => ({ user_id: id, programme_id })))
      .execute()
  return { id, email, password: TEST_PASSWORD }
}
