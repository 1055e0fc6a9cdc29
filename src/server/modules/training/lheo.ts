import type { TrainingFunderCode } from '../../../shared/training/training.nomenclature.ts'
import {
  type ActionRecord,
  type BodyRecord,
  type CatalogueFile,
  type ImportIssue,
  issueLog,
  type Pos,
  type SessionRecord,
  TooManyIssues,
} from './imports.model.ts'
import { at, child, childrenOf, readXml, textAt, type XmlNode, XmlSyntaxError } from './lheo-xml.ts'

// A funder's catalogue in LHEO (Carif-Oref's XML for training offers, lheo.xsd 2.x; docs/training/catalogue.md
// « LHEO »): each `formation` gives its `organisme-formation-responsable` (a body, keyed by its SIRET), each of its
// `action`s (an action, keyed by its numero) and each action's `session`s (keyed by their numero).

/** LHEO's dict-financeurs (lheo-gml.xml 2.3) onto our funders; the rest is `other` */
const FUNDERS: Record<string, TrainingFunderCode> = {
  '2': 'regional_programme', // Collectivité territoriale - Conseil régional
  '4': 'france_travail', // Pôle emploi
  '7': 'agefiph', // AGEFIPH
  '11': 'state', // État - Ministère chargé de l'emploi
  '12': 'state', // État - Ministère de l'éducation nationale
  '13': 'state', // État - Autre
  '19': 'state', // État - Ministère de l'intérieur
  '16': 'opco', // OPCO (OPCA)
  '17': 'opco', // Transition Pro (OPACIF)
}
/** LHEO's dict-niveaux (code-niveau-sortie) onto the 2019 levels: the old V is 3 (CAP), IV is 4 (bac)… */
const LEVELS: Record<string, number> = {
  '2': 1,
  '3': 2,
  '4': 3,
  '5': 4,
  '6': 5,
  '7': 6,
  '8': 7,
  '11': 1,
  '12': 2,
  '13': 3,
  '14': 4,
  '15': 5,
  '16': 6,
  '17': 7,
  '18': 8,
}
/** dict-etat-recrutement: 1 ouvert, 2 fermé, 3 suspendu (no place offered now: closed) */
const RECRUITMENT: Record<string, 'open' | 'closed'> = { '1': 'open', '2': 'closed', '3': 'closed' }
/** AFPA has no funder code of its own: its actions are recognised by the body's name */
const AFPA = /\bA\.?F\.?P\.?A\b/i

const numero = (n: XmlNode | undefined) => n?.attrs.numero?.trim() || textAt(n, 'numero') || null

/** LHEO dates are AAAAMMJJ; 00000000 is « unknown », AAAAMM00 a month (its first day) */
function lheoDate(node: XmlNode | undefined, fail: (pos: Pos, m: string) => void): string | null {
  const raw = node?.text.trim()
  if (!node || !raw || raw === '00000000' || raw === '99999999') return null
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw)
  const day = m ? `${m[1]}-${m[2]}-${m[3] === '00' ? '01' : m[3]}` : ''
  const ok =
    m && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)
  if (!ok) {
    fail(node.pos, `date invalide « ${raw.slice(0, 20)} » (attendu AAAAMMJJ, par exemple 20260901)`)
    return null
  }
  return day
}

function int(node: XmlNode | undefined, what: string, fail: (pos: Pos, m: string) => void): number | null {
  const raw = node?.text.trim()
  if (!node || !raw) return null
  if (!/^\d{1,5}$/.test(raw)) {
    fail(node.pos, `${what} : nombre entier attendu, pas « ${raw.slice(0, 20)} »`)
    return null
  }
  return Number(raw)
}

/** « 12 rue X, 59000 Lille » from an `adresse` */
function addressOf(a: XmlNode | undefined): string | null {
  if (!a) return null
  const lines = childrenOf(a, 'ligne').map((l) => l.text.trim())
  const town = [textAt(a, 'codepostal'), textAt(a, 'ville')].filter(Boolean).join(' ')
  return [...lines, town].filter(Boolean).join(', ') || null
}

function bodyOf(org: XmlNode, fail: (pos: Pos, m: string) => void): BodyRecord | null {
  const siretNode = at(org, 'SIRET-organisme-formation', 'SIRET')
  const siret = siretNode?.text.trim() ?? ''
  if (!/^\d{14}$/.test(siret)) {
    fail(siretNode?.pos ?? org.pos, `SIRET de l’organisme absent ou invalide « ${siret} » (14 chiffres)`)
    return null
  }
  const coords = at(org, 'coordonnees-organisme', 'coordonnees')
  const contact = at(child(org, 'contact-organisme'), 'coordonnees')
  const name = textAt(org, 'raison-sociale') ?? textAt(org, 'nom-organisme')
  const places = {
    siret: siretNode!.pos,
    name: (child(org, 'raison-sociale') ?? child(org, 'nom-organisme') ?? org).pos,
    communeCode: at(coords, 'adresse', 'code-INSEE-commune')?.pos ?? org.pos,
    contactEmail: child(contact, 'courriel')?.pos ?? org.pos,
  }
  return {
    key: siret,
    pos: org.pos,
    places,
    values: {
      name: name ?? '',
      siret,
      address: addressOf(child(coords, 'adresse')),
      communeCode: textAt(coords, 'adresse', 'code-INSEE-commune'),
      contactName: [textAt(contact, 'prenom'), textAt(contact, 'nom')].filter(Boolean).join(' ') || null,
      contactEmail: textAt(contact, 'courriel') ?? textAt(coords, 'courriel'),
      contactPhone: textAt(contact, 'telfixe', 'numtel') ?? textAt(contact, 'portable', 'numtel'),
    },
  }
}

/** Reads an LHEO file; what cannot be read is in `issues` (with the line and column), the rest is mapped. */
export function parseLheo(xml: string, file: string): CatalogueFile {
  const out: CatalogueFile = { file, bodies: [], actions: [], sessions: [], issues: [] }
  const fail = issueLog(file, out.issues)
  try {
    let doc: XmlNode
    try {
      doc = readXml(xml)
    } catch (e) {
      if (e instanceof XmlSyntaxError) {
        out.issues.push({ file, ...e.pos, message: e.message })
        return out
      }
      throw e
    }
    const root = doc.children[0]
    if (root?.name !== 'lheo') {
      fail(root?.pos ?? { line: 1, column: 1 }, 'ce n’est pas un fichier LHEO (élément racine <lheo> attendu)')
      return out
    }
    const bodies = new Map<string, BodyRecord>()
    const formations = childrenOf(child(root, 'offres'), 'formation')
    if (!formations.length) fail(root.pos, 'aucune formation dans <offres>')
    for (const f of formations) mapFormation(f, bodies, out, fail)
    out.bodies = [...bodies.values()]
  } catch (e) {
    if (!(e instanceof TooManyIssues)) throw e
  }
  return out
}

function mapFormation(
  f: XmlNode,
  bodies: Map<string, BodyRecord>,
  out: CatalogueFile,
  fail: (pos: Pos, m: string) => void,
) {
  const org = child(f, 'organisme-formation-responsable')
  if (!org) return fail(f.pos, 'formation sans <organisme-formation-responsable>')
  const body = bodyOf(org, fail)
  if (!body) return
  if (!bodies.has(body.key)) bodies.set(body.key, body)
  const titleNode = child(f, 'intitule-formation')
  const domain = child(f, 'domaine-formation')
  const nsf = textAt(domain, 'code-NSF')
  const formacodeNode =
    childrenOf(domain, 'code-FORMACODE').find((c) => c.attrs.tag === 'principal') ?? child(domain, 'code-FORMACODE')
  const levelCode = textAt(f, 'code-niveau-sortie')
  const actions = childrenOf(f, 'action')
  if (!actions.length) fail(f.pos, 'formation sans <action>')
  actions.forEach((a, i) => {
    const key = numero(a) ?? (numero(f) ? `${numero(f)}${actions.length > 1 ? `#${i + 1}` : ''}` : null)
    if (!key) {
      fail(
        a.pos,
        'action sans numéro (attribut numero de <action> ou de <formation>) : un nouvel import ne la retrouverait pas',
      )
      return
    }
    const funderNodes = childrenOf(a, 'organisme-financeur')
    const funderCode = textAt(funderNodes[0], 'code-financeur')
    const afpa = AFPA.test(body.values.name)
    const publicCodes = childrenOf(a, 'code-public-vise')
      .map((c) => c.text.trim())
      .filter(Boolean)
    const fees = textAt(a, 'prise-en-charge-frais-possible')
    const publicText = [
      publicCodes.length ? `Public visé (Formacode) : ${publicCodes.join(', ')}` : '',
      textAt(a, 'info-public-vise') ?? '',
      fees === '1'
        ? 'Frais de formation pris en charge : oui'
        : fees === '0'
          ? 'Frais de formation pris en charge : non'
          : '',
    ].filter(Boolean)
    const financed = funderNodes.reduce(
      (s, n) => s + (int(child(n, 'nb-places-financees'), 'nb-places-financees', fail) ?? 0),
      0,
    )
    const action: ActionRecord = {
      key,
      bodyKey: body.key,
      pos: a.pos,
      places: {
        title: (titleNode ?? f).pos,
        nsfCode: child(domain, 'code-NSF')?.pos ?? f.pos,
        formacode: formacodeNode?.pos ?? f.pos,
        durationHours: child(a, 'nombre-heures-total')?.pos ?? a.pos,
        public: a.pos,
        prerequisites: child(a, 'conditions-specifiques')?.pos ?? a.pos,
        objective: child(f, 'objectif-formation')?.pos ?? f.pos,
      },
      values: {
        code: key.slice(0, 50),
        title: textAt(titleNode) ?? '',
        funder: afpa ? 'afpa' : ((funderCode ? FUNDERS[funderCode] : undefined) ?? 'other'),
        nsfCode: nsf,
        formacode: formacodeNode?.text.trim() || null,
        level2019: levelCode ? (LEVELS[levelCode] ?? null) : null,
        public: publicText.join('\n') || null,
        prerequisites: textAt(a, 'conditions-specifiques'),
        objective: textAt(f, 'objectif-formation'),
        durationHours: int(child(a, 'nombre-heures-total'), 'nombre-heures-total', fail),
        places: financed || null,
      },
    }
    out.actions.push(action)
    const where = at(child(a, 'lieu-de-formation'), 'coordonnees')
    const place = [...childrenOf(where, 'ligne').map((l) => l.text.trim()), addressOf(child(where, 'adresse'))]
      .filter(Boolean)
      .join(', ')
    for (const s of childrenOf(a, 'session')) {
      const period = child(s, 'periode')
      const startNode = child(period, 'debut')
      const startsOn = lheoDate(startNode, fail)
      const endsOn = lheoDate(child(period, 'fin'), fail)
      const placesNode = child(s, 'nombre-places')
      const sessionPlaces = int(placesNode, 'nombre-places', fail)
      if (!startsOn) {
        if (!startNode || ['00000000', '99999999', ''].includes(startNode.text.trim()))
          fail(startNode?.pos ?? s.pos, 'session sans date de début (periode/debut)')
        continue
      }
      const sKey = numero(s) ?? `${key}@${startsOn}`
      const inscription = at(child(s, 'adresse-inscription'), 'adresse')
      const state = textAt(s, 'etat-recrutement')
      const session: SessionRecord = {
        key: sKey,
        actionKey: key,
        pos: s.pos,
        places: {
          startsOn: startNode!.pos,
          endsOn: child(period, 'fin')?.pos ?? s.pos,
          communeCode: at(where, 'adresse', 'code-INSEE-commune')?.pos ?? a.pos,
          places: placesNode?.pos ?? s.pos,
        },
        values: {
          startsOn,
          endsOn,
          place: place || null,
          communeCode: textAt(where, 'adresse', 'code-INSEE-commune'),
          places: sessionPlaces ?? financed,
          infoSessionPlace: addressOf(inscription),
          applicationsCloseOn: lheoDate(at(s, 'periode-inscription', 'periode', 'fin'), fail),
          status: (state ? RECRUITMENT[state] : undefined) ?? 'open',
        },
      }
      out.sessions.push(session)
    }
  })
}

export type { ImportIssue }
