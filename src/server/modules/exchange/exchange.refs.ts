import type { Tx } from '../../deps.ts'
import { entityByName, exchangeLookups } from './exchange.registry.ts'
import { findKeys } from './exchange.repository.ts'
import type { EntitySpec } from './exchange.types.ts'

export interface Hit {
  id: string
  info?: unknown
}

/** E-mails are compared without case, as the database does (citext). */
export const foldKey = (entity: EntitySpec | undefined, key: string) =>
  entity?.columns.find((c) => c.name === entity.key)?.type.kind === 'email' ? key.toLowerCase() : key

/**
 * Turns the keys a file uses (external ids, codes, e-mails) into the rows' ids. Small targets (sites, users, themes)
 * are read whole once per file; persons are looked up batch by batch, so memory does not grow with the bundle.
 */
export class RefResolver {
  #whole = new Map<string, Map<string, Hit>>()
  constructor(
    private readonly tx: Tx,
    private readonly structureId: string,
  ) {}

  /** Forget what was read: the file just imported may have added rows. */
  reset() {
    this.#whole.clear()
  }

  label(target: string) {
    return entityByName(target)?.label ?? exchangeLookups().find((l) => l.name === target)?.label ?? target
  }

  /** The entity whose refused rows explain a missing key of `target`. */
  source(target: string) {
    return exchangeLookups().find((l) => l.name === target)?.entity ?? target
  }

  /** A sentence naming where a missing key was looked for. */
  where(target: string) {
    const entity = entityByName(target)
    const lookup = exchangeLookups().find((l) => l.name === target)
    return entity ? `ni dans ${entity.file}, ni dans la base` : (lookup?.where ?? 'absent de la base')
  }

  async resolve(target: string, keys: string[]): Promise<Map<string, Hit>> {
    const entity = entityByName(target)
    const lookup = exchangeLookups().find((l) => l.name === target)
    if (!entity && !lookup) throw new Error(`exchange: unknown reference target ${target}`)
    if (lookup || entity?.small) {
      let all = this.#whole.get(target)
      if (!all) {
        all = lookup
          ? await lookup.load(this.tx, this.structureId)
          : new Map((await findKeys(this.tx, entity!, this.structureId)).map((r) => [foldKey(entity, r.key), r]))
        this.#whole.set(target, all)
      }
      return all
    }
    const rows = await findKeys(this.tx, entity!, this.structureId, [...new Set(keys)])
    return new Map(rows.map((r) => [foldKey(entity, r.key), r]))
  }
}
