import { readFile, writeFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { DEFAULT_TIME_ZONE } from '../../../shared/dates.ts'
import { STRUCTURE_COLUMNS } from './exchange.not-exported.ts'
import { entityByName, exchangeEntities, exchangeLookups, STRUCTURE_FILE } from './exchange.registry.ts'
import type { CodeList, ColumnSpec, ColumnType } from './exchange.types.ts'

// The reference part of docs/import-format.md is written from the declarations, so that the documentation is the code.
// Regenerate it with: npx tsx src/server/modules/exchange/exchange.docs.ts

export const DOC_PATH = 'docs/import-format.md'
const GENERATED = '(généré par src/server/modules/exchange/exchange.docs.ts : ne pas modifier)'

/** The generated parts of the page, each between its markers. */
const regions = {
  files: () => renderFileTable(),
  reference: () => renderReference(),
} as const
type Region = keyof typeof regions
const markers = (r: Region) => ({ start: `<!-- ${r}:start ${GENERATED} -->`, end: `<!-- ${r}:end -->` })

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ')

function typeText(t: ColumnType): string {
  switch (t.kind) {
    case 'text':
      return `texte (≤ ${t.max} caractères)`
    case 'date':
      return 'date AAAA-MM-JJ'
    case 'datetime':
      return 'date et heure ISO 8601'
    case 'integer':
      return `entier de ${t.min} à ${t.max}`
    case 'decimal':
      return `nombre de ${t.min} à ${t.max}`
    case 'boolean':
      return 'true ou false'
    case 'email':
      return 'adresse e-mail'
    case 'code':
      return `code de la liste « ${t.listName} »`
    case 'codeBy':
      return `code de la liste de l’attribut (colonne ${t.column})`
    case 'commune':
      return 'code commune INSEE'
    case 'communes':
      return 'codes commune INSEE séparés par |'
    case 'ref':
    case 'refs': {
      const e = entityByName(t.target)
      const what = e ? `${e.key} de ${e.file}` : `code de la liste « ${documentedLookup(t.target)?.listName} »`
      return t.kind === 'ref' ? what : `${what} (plusieurs, séparés par |)`
    }
  }
}

const documentedLookup = (name: string) => exchangeLookups().find((l) => l.name === name)?.documented

function column(c: ColumnSpec): string {
  const required = c.required && c.default === undefined ? 'oui' : 'non'
  return `| \`${c.name}\` | ${cell(typeText(c.type))} | ${required} | ${cell(c.description)} |`
}

function codeTable(title: string, list: CodeList): string[] {
  return [
    `#### ${title}`,
    '',
    '| code | libellé |',
    '| --- | --- |',
    ...list.codes.map((c) => `| \`${c}\` | ${cell(list.labels[c] ?? '')} |`),
    '',
  ]
}

/** The reference: every file, every column, every code list. */
export function renderReference(): string {
  const out: string[] = []
  const lists = new Map<string, CodeList>()
  for (const e of exchangeEntities()) {
    out.push(`### ${e.file}`, '', e.description, '')
    out.push(`Clé : \`${e.key}\`. Lignes exportées dans l’ordre de : ${e.order.map((o) => `\`${o}\``).join(', ')}.`, '')
    out.push('| colonne | type | obligatoire | signification |', '| --- | --- | --- | --- |')
    for (const c of e.columns) {
      out.push(column(c))
      if (c.type.kind === 'code') lists.set(c.type.listName, c.type.list)
      if (c.type.kind === 'codeBy')
        for (const [k, l] of Object.entries(c.type.lists))
          lists.set(`Valeurs de ${c.type.column} = ${k} (${c.type.listNames[k]})`, l)
      if (c.type.kind === 'ref' && !entityByName(c.type.target)) {
        const d = documentedLookup(c.type.target)
        if (d) lists.set(d.listName, d.list)
      }
    }
    out.push('')
  }
  out.push('### Listes de codes', '')
  for (const [title, list] of lists) out.push(...codeTable(title, list))
  return out.join('\n').trimEnd()
}

/** The files in the order they are read (a file refers only to those before it), with their content in a few words. */
export function renderFileTable(): string {
  return [
    '| ordre | fichier | contenu |',
    '| --- | --- | --- |',
    `| 0 | \`${STRUCTURE_FILE}\` | \`${STRUCTURE_COLUMNS.join(',')}\` : la structure et son fuseau horaire (nom IANA, vide : ${DEFAULT_TIME_ZONE}), lue seulement pour la créer dans une base vide |`,
    ...exchangeEntities().map((e, i) => `| ${i + 1} | \`${e.file}\` | ${cell(e.summary)} |`),
  ].join('\n')
}

/** What the page holds between the region's markers (undefined: markers missing). */
export async function readDocRegion(region: Region, path = DOC_PATH): Promise<string | undefined> {
  const text = await readFile(path, 'utf8')
  const { start, end } = markers(region)
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  return a < 0 || b < 0 ? undefined : text.slice(a + start.length, b).trim()
}

export const readDocReference = (path = DOC_PATH) => readDocRegion('reference', path)

export async function writeDocRegions(path = DOC_PATH) {
  let text = await readFile(path, 'utf8')
  for (const region of Object.keys(regions) as Region[]) {
    const { start, end } = markers(region)
    const a = text.indexOf(start)
    const b = text.indexOf(end)
    if (a < 0 || b < 0) throw new Error(`${path}: ${region} markers not found`)
    text = `${text.slice(0, a + start.length)}\n\n${regions[region]()}\n\n${text.slice(b)}`
  }
  await writeFile(path, text)
}

export const renderRegion = (region: Region) => regions[region]()

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await import('../modules.ts')
  await writeDocRegions()
}
