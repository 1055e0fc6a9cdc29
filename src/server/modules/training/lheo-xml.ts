import { SaxesParser } from 'saxes'
import type { Pos } from './imports.model.ts'

// An LHEO file read into a small tree, each element with the place its content starts at (line, column, 1-based).
// saxes reads no DTD and expands no entity but the XML's five: a DOCTYPE is refused outright, so neither an external
// entity (XXE) nor an entity bomb (billion laughs) can reach the file system or the memory.

export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  text: string
  pos: Pos
}

export class XmlSyntaxError extends Error {
  constructor(
    readonly pos: Pos,
    message: string,
  ) {
    super(message)
  }
}

const messages: [RegExp, string][] = [
  [/undefined entity/i, 'entité inconnue (seules &amp; &lt; &gt; &quot; &apos; sont permises)'],
  [/unclosed tag/i, 'balise jamais fermée'],
  [/unexpected close tag/i, 'balise fermante sans balise ouvrante correspondante'],
  [/text data outside of root node/i, 'texte en dehors de l’élément racine'],
  [/document must contain a root element/i, 'le document n’a pas d’élément racine'],
  [/disallowed character/i, 'caractère interdit'],
]
const french = (m: string) =>
  messages.find(([re]) => re.test(m))?.[1] ?? `XML mal formé (${m.replace(/^\d+:\d+: /, '')})`

const local = (name: string) => name.slice(name.indexOf(':') + 1)

export function readXml(xml: string): XmlNode {
  const parser = new SaxesParser({ position: true })
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '', pos: { line: 1, column: 1 } }
  const stack: XmlNode[] = [root]
  const here = (): Pos => ({ line: parser.line, column: parser.column + 1 })
  parser.on('doctype', () => {
    throw new XmlSyntaxError(
      here(),
      'déclaration DOCTYPE refusée : un fichier LHEO n’en a pas besoin, et elle permettrait de lire des fichiers du serveur ou de saturer sa mémoire',
    )
  })
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {}
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = typeof v === 'string' ? v : v.value
    const node: XmlNode = { name: local(tag.name), attrs, children: [], text: '', pos: here() }
    stack[stack.length - 1]!.children.push(node)
    stack.push(node)
  })
  parser.on('closetag', () => void stack.pop())
  const addText = (t: string) => {
    const top = stack[stack.length - 1]!
    if (top !== root) top.text += t
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('error', (e) => {
    throw new XmlSyntaxError({ line: parser.line, column: parser.column + 1 }, french(e.message))
  })
  parser.write(xml).close()
  return root
}

export const child = (n: XmlNode | undefined, name: string) => n?.children.find((c) => c.name === name)
export const childrenOf = (n: XmlNode | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? []
/** the element at the end of a path of child names */
export function at(n: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let cur = n
  for (const p of path) cur = child(cur, p)
  return cur
}
/** the trimmed text of the element at the path, null when absent or blank */
export function textAt(n: XmlNode | undefined, ...path: string[]): string | null {
  const t = at(n, ...path)?.text.trim()
  return t ? t : null
}
