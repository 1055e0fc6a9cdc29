import { createRequire } from 'node:module'

// The official list of communes (INSEE codes, from @etalab/decoupage-administratif), loaded once. The same list
// carries the history: each current commune names its former codes (`anciensCodes`, from INSEE's record of mergers),
// and the associated or delegated communes (`commune-associee`, `commune-deleguee`) name the commune they belong to
// (`chefLieu`). An organisation's history is full of former communes (Saint-Pol-sur-Mer, 59540, associated with
// Dunkerque, 59183, in 2010): they are accepted as a person's commune and counted in their successor.
interface RawCommune {
  code: string
  nom: string
  type: string
  codesPostaux?: string[]
  departement?: string
  anciensCodes?: string[]
  chefLieu?: string
}
export interface Commune {
  code: string
  name: string
  postcode: string | null
  department: string | null
}
/** A code that is no longer a commune of its own: the commune that took it over. */
export interface FormerCommune {
  code: string
  /** null when the list keeps no name (a commune merged without staying an associated or delegated commune) */
  name: string | null
  successor: Commune
}

let cache: Map<string, Commune> | undefined
let formerCache: Map<string, FormerCommune> | undefined
let withinCache: Map<string, string[]> | undefined

const rawList = () =>
  createRequire(import.meta.url)('@etalab/decoupage-administratif/data/communes.json') as RawCommune[]

export function communes(): Map<string, Commune> {
  if (!cache) {
    cache = new Map(
      rawList()
        .filter((c) => c.type === 'commune-actuelle')
        .map((c) => [
          c.code,
          { code: c.code, name: c.nom, postcode: c.codesPostaux?.[0] ?? null, department: c.departement ?? null },
        ]),
    )
  }
  return cache
}

/**
 * Former codes → their current commune. An associated or delegated commune's own record (its `chefLieu`) wins over a
 * current commune's `anciensCodes` (the list disagrees on two codes; the record is the present state). A code that is
 * a current commune is never a former one (a commune nouvelle keeps the code of one of the communes it merged).
 */
export function formerCommunes(): Map<string, FormerCommune> {
  if (!formerCache) {
    const current = communes()
    const raw = rawList()
    const out = new Map<string, FormerCommune>()
    for (const c of raw)
      if (c.type === 'commune-actuelle')
        for (const old of c.anciensCodes ?? [])
          if (!current.has(old)) out.set(old, { code: old, name: null, successor: current.get(c.code)! })
    for (const c of raw) {
      if (c.type !== 'commune-associee' && c.type !== 'commune-deleguee') continue
      const successor = c.chefLieu ? current.get(c.chefLieu) : undefined
      if (!successor || current.has(c.code)) continue
      out.set(c.code, { code: c.code, name: c.nom, successor })
    }
    formerCache = out
  }
  return formerCache
}

/** A current commune of the official list (a former code is not one: see resolveCommune). */
export const findCommune = (code: string) => communes().get(code)

export const findFormerCommune = (code: string) => formerCommunes().get(code)

/**
 * A person's commune as written (current or former code): the name to show and the commune it lies in today.
 * « Saint-Pol-sur-Mer (Dunkerque) » for 59540.
 */
export function resolveCommune(
  code: string,
): { code: string; name: string; current: Commune; former: FormerCommune | null } | undefined {
  const current = findCommune(code)
  if (current) return { code, name: current.name, current, former: null }
  const former = findFormerCommune(code)
  if (!former) return undefined
  const name = former.name
    ? `${former.name} (${former.successor.name})`
    : `${former.successor.name} (ancienne commune ${code})`
  return { code, name, current: former.successor, former }
}

/** The commune a code designates today: itself, or the successor of a former code. */
export const currentCode = (code: string) => resolveCommune(code)?.current.code ?? code

/**
 * The codes that count in a commune: its own and its former ones (a report on Dunkerque, 59183, also counts the persons
 * whose commune is written 59540). A former code asked for itself gives itself only.
 */
export function codesWithin(code: string): string[] {
  if (!withinCache) {
    const by = new Map<string, string[]>()
    for (const f of formerCommunes().values()) by.set(f.successor.code, [...(by.get(f.successor.code) ?? []), f.code])
    withinCache = by
  }
  return [code, ...(communes().has(code) ? (withinCache.get(code) ?? []) : [])].sort()
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[-'’ ]+/g, ' ')

export function searchCommunes(q: string, limit = 20): Commune[] {
  const needle = fold(q)
  const out: Commune[] = []
  for (const c of communes().values()) {
    if (fold(c.name).startsWith(needle) || c.code === q || c.postcode === q) out.push(c)
    if (out.length >= limit) break
  }
  return out
}
