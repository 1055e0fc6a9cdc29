// The one seeded pseudo-random generator of all demo data (the demo organisation's persons and histories, the 2009 data
// set): the same demo on every machine and every run. mulberry32 is enough here: no cryptography, only reproducible
// variety.

export class Random {
  #state: number
  constructor(seed: number) {
    this.#state = seed >>> 0
  }

  /** a float in [0, 1) */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** an integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** picks a key with probability proportional to its weight */
  weighted<K extends string | number>(weights: readonly (readonly [K, number])[]): K {
    const total = weights.reduce((s, [, w]) => s + w, 0)
    let r = this.next() * total
    for (const [k, w] of weights) {
      r -= w
      if (r < 0) return k
    }
    return weights[weights.length - 1][0]
  }

  /** Fisher-Yates, in place */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      ;[items[i], items[j]] = [items[j], items[i]]
    }
    return items
  }

  /** a version-4 shaped UUID drawn from this generator (four draws: the data set needs one per row) */
  uuid(): string {
    const a = this.word()
    const b = this.word()
    const c = this.word()
    const d = this.word()
    // version 4 in the 13th digit, variant 8–b in the 17th
    return (
      `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-` +
      `${hex(0x8000 | ((c >>> 16) & 0x3fff), 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`
    )
  }

  /** an unsigned 32-bit integer */
  word(): number {
    return Math.floor(this.next() * 4294967296)
  }

  /** an independent generator for one part of the plan, so that changing one part leaves the others as they were */
  fork(label: string): Random {
    return new Random(hashString(label) ^ Math.floor(this.next() * 4294967296))
  }
}

/** two hex digits per byte value, looked up rather than formatted (ids are drawn for every row of the data set) */
const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** the `digits` low hex digits of n (n < 16^digits), zero-padded */
function hex(n: number, digits: 8 | 4 | 3): string {
  const low = BYTE_HEX[(n >>> 8) & 0xff] + BYTE_HEX[n & 0xff]
  if (digits === 4) return low
  if (digits === 3) return low.slice(1)
  return BYTE_HEX[n >>> 24] + BYTE_HEX[(n >>> 16) & 0xff] + low
}

export function hashString(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder), each at least `min`.
 * The parts always add up to `total`.
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length
  const rest = total - min * n
  if (rest < 0) throw new Error(`apportion: ${total} cannot give ${min} to each of ${n}`)
  const sum = weights.reduce((s, w) => s + w, 0)
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * rest : rest / n))
  const parts = exact.map(Math.floor)
  let left = rest - parts.reduce((s, p) => s + p, 0)
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k][1]]++
  return parts.map((p) => p + min)
}

/** a list holding `counts[key]` copies of each key, in key order (shuffle it to spread the keys) */
export function expand<K extends string>(counts: Readonly<Record<K, number>>): K[] {
  const out: K[] = []
  for (const [k, c] of Object.entries(counts) as [K, number][]) for (let i = 0; i < c; i++) out.push(k)
  return out
}

/** A generator seen as a function: `r()` draws a float in [0, 1) (the demo persons and histories draw this way). */
export type Rng = () => number

/** the generator seeded by a string (its FNV-1a hash) */
export function generator(seed: string): Rng {
  const random = new Random(hashString(seed))
  return () => random.next()
}

/** an integer in [min, max] */
export const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1))

export const pick = <T>(r: Rng, list: readonly T[]) => list[Math.floor(r() * list.length)]!

/** picks a value with probability proportional to its weight */
export function weighted<T extends string | number>(r: Rng, weights: readonly (readonly [T, number])[]): T {
  let x = r() * weights.reduce((s, [, w]) => s + w, 0)
  for (const [v, w] of weights) {
    x -= w
    if (x < 0) return v
  }
  return weights[weights.length - 1]![0]
}
