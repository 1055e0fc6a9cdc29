import { createRequire } from 'node:module'

// The official list of communes (INSEE codes, from @etalab/decoupage-administratif), loaded once.
interface RawCommune {
  code: string
  nom: string
  type: string
  codesPostaux?: string[]
  departement?: string
}
export interface Commune {
  code: string
  name: string
  postcode: string | null
  department: string | null
}

let cache: Map<string, Commune> | undefined
export function communes(): Map<string, Commune> {
  if (!cache) {
    const raw = createRequire(import.meta.url)('@etalab/decoupage-administratif/data/communes.json') as RawCommune[]
    cache = new Map(
      raw
        .filter((c) => c.type === 'commune-actuelle')
        .map((c) => [
          c.code,
          { code: c.code, name: c.nom, postcode: c.codesPostaux?.[0] ?? null, department: c.departement ?? null },
        ]),
    )
  }
  return cache
}

export const findCommune = (code: string) => communes().get(code)

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
