import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The boundaries of docs/ARCHITECTURE.md, checked on every import of src/: shared imports neither server nor web, server
// and web never import each other, a module is reached from outside only through its public entry (index.ts, once it has
// one) or its manifest (`<module>.module.ts`, read by the lists that assemble the app), and no import cycle.

const SRC = resolve(import.meta.dirname)

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/g
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g

/** file (relative to src) → the src files it imports (relative), type-only imports included: they still couple. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8')
    const targets: string[] = []
    for (const re of [IMPORT, DYNAMIC])
      for (const m of text.matchAll(re)) {
        if (!m[1].startsWith('.')) continue
        targets.push(relative(SRC, resolve(dirname(file), m[1])))
      }
    graph.set(relative(SRC, file), targets)
  }
  return graph
}

const graph = importGraph()
const part = (path: string) => path.split('/')[0]
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })))

/** the module a file belongs to: server/modules/<name>/… (or web/features/<name>/…) */
function moduleOf(path: string): string | undefined {
  const m = /^(server\/modules|web\/features)\/([^/]+)\//.exec(path)
  return m ? `${m[1]}/${m[2]}` : undefined
}

describe('architecture', () => {
  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(100)
    expect(edges.length).toBeGreaterThan(500)
  })

  it('src/shared imports neither the server nor the web app', () => {
    const wrong = edges.filter((e) => part(e.from) === 'shared' && part(e.to) !== 'shared')
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([])
  })

  it('the server and the web app never import each other', () => {
    const wrong = edges.filter(
      (e) => (part(e.from) === 'server' && part(e.to) === 'web') || (part(e.from) === 'web' && part(e.to) === 'server'),
    )
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([])
  })

  it('a module with a public entry is reached from outside only through it (or its manifest, by the lists)', () => {
    const withEntry = new Set(
      [...graph.keys()].filter((f) => /^(server\/modules|web\/features)\/[^/]+\/index\.ts$/.test(f)).map(moduleOf),
    )
    const wrong = edges.filter((e) => {
      const target = moduleOf(e.to)
      if (!target || !withEntry.has(target) || moduleOf(e.from) === target) return false
      // index.ts for other modules; <module>.module.ts (routes, demo…) for the lists that assemble the app
      return (
        !e.to.endsWith('/index.ts') &&
        !e.to.endsWith('.module.ts') &&
        !e.from.endsWith('.test.ts') &&
        !e.from.startsWith('server/test/')
      )
    })
    expect(wrong.map((e) => `${e.from} → ${e.to}`)).toEqual([])
  })

  it('has no import cycle', () => {
    // Tarjan's strongly connected components: any component of more than one file is a cycle
    let index = 0
    const stack: string[] = []
    const on = new Set<string>()
    const idx = new Map<string, number>()
    const low = new Map<string, number>()
    const cycles: string[][] = []
    const visit = (v: string) => {
      idx.set(v, index)
      low.set(v, index++)
      stack.push(v)
      on.add(v)
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue
        if (!idx.has(w)) {
          visit(w)
          low.set(v, Math.min(low.get(v)!, low.get(w)!))
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = []
        let w: string
        do {
          w = stack.pop()!
          on.delete(w)
          component.push(w)
        } while (w !== v)
        if (component.length > 1) cycles.push(component.sort())
      }
    }
    for (const v of graph.keys()) if (!idx.has(v)) visit(v)
    expect(cycles).toEqual([])
  })
})
