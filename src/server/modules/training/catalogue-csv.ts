import { CsvError, parse } from 'csv-parse/sync'
import { trainingFunders, trainingSituationKinds } from '../../../shared/training/training.nomenclature.ts'
import {
  type ActionRecord,
  type BodyRecord,
  type CatalogueFile,
  isDay,
  issueLog,
  type SessionRecord,
  TooManyIssues,
} from './imports.model.ts'

// A catalogue in CSV (docs/training/catalogue.md « CSV »): one line per session, with its action's and its body's
// columns repeated; `;` or `,` as separator (the header tells), UTF-8. Bodies are keyed by their SIRET, actions by
// `action_ref`, sessions by `session_ref` (else the action and the start day).

export const CSV_COLUMNS = [
  'organisme_siret',
  'organisme_nom',
  'organisme_adresse',
  'organisme_code_commune',
  'organisme_contact',
  'organisme_courriel',
  'organisme_telephone',
  'action_ref',
  'action_intitule',
  'financeur',
  'code_nsf',
  'formacode',
  'niveau',
  'type_formation',
  'public',
  'prerequis',
  'objectif',
  'duree_heures',
  'session_ref',
  'debut',
  'fin',
  'lieu',
  'code_commune',
  'places',
  'etat',
  'cloture_candidatures',
] as const
const REQUIRED = ['organisme_siret', 'organisme_nom', 'action_ref', 'action_intitule', 'financeur', 'debut', 'places']

/** yyyy-mm-dd or dd/mm/yyyy → yyyy-mm-dd, else null */
function day(v: string): string | null {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v)
  const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : v
  return isDay(iso) ? iso : null
}

export function parseCatalogueCsv(text: string, file: string): CatalogueFile {
  const out: CatalogueFile = { file, bodies: [], actions: [], sessions: [], issues: [] }
  const fail = issueLog(file, out.issues)
  try {
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0)
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ','
    let records: { record: string[]; info: { lines: number } }[]
    try {
      records = parse(text, {
        bom: true,
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
      }) as unknown as typeof records
    } catch (e) {
      if (!(e instanceof CsvError)) throw e
      fail(
        { line: (e as CsvError & { lines?: number }).lines ?? 1 },
        `CSV mal formé (${e.message.replace(/^.*?: /, '')})`,
      )
      return out
    }
    const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase())
    for (const c of REQUIRED) if (!header.includes(c)) fail({ line: 1, column: c }, 'colonne obligatoire absente')
    for (const h of header)
      if (h && !(CSV_COLUMNS as readonly string[]).includes(h)) fail({ line: 1, column: h }, 'colonne inconnue')
    if (out.issues.length) return out
    const bodies = new Map<string, BodyRecord>()
    const actions = new Map<string, ActionRecord>()
    for (const { record, info } of records.slice(1)) {
      const line = info.lines
      const get = (c: string) => {
        const i = header.indexOf(c)
        const v = i >= 0 ? (record[i] ?? '').trim() : ''
        return v === '' ? null : v
      }
      const at = (column: string) => ({ line, column })
      const places = Object.fromEntries(CSV_COLUMNS.map((c) => [c, at(c)]))
      const num = (c: string) => {
        const v = get(c)
        if (v === null) return null
        if (!/^\d{1,5}$/.test(v)) {
          fail(at(c), `nombre entier attendu, pas « ${v.slice(0, 20)} »`)
          return null
        }
        return Number(v)
      }
      const date = (c: string) => {
        const v = get(c)
        if (v === null) return null
        const d = day(v)
        if (!d) fail(at(c), `date invalide « ${v.slice(0, 20)} » (attendu AAAA-MM-JJ ou JJ/MM/AAAA)`)
        return d
      }
      const siret = get('organisme_siret') ?? ''
      if (!bodies.has(siret))
        bodies.set(siret, {
          key: siret,
          pos: at('organisme_siret'),
          places: {
            siret: at('organisme_siret'),
            name: at('organisme_nom'),
            address: at('organisme_adresse'),
            communeCode: at('organisme_code_commune'),
            contactName: at('organisme_contact'),
            contactEmail: at('organisme_courriel'),
            contactPhone: at('organisme_telephone'),
          },
          values: {
            name: get('organisme_nom') ?? '',
            siret,
            address: get('organisme_adresse'),
            communeCode: get('organisme_code_commune'),
            contactName: get('organisme_contact'),
            contactEmail: get('organisme_courriel'),
            contactPhone: get('organisme_telephone'),
          },
        })
      const actionKey = get('action_ref') ?? ''
      const funder = get('financeur') ?? ''
      if (funder && !(trainingFunders.codes as readonly string[]).includes(funder))
        fail(at('financeur'), `financeur inconnu « ${funder} » (${trainingFunders.codes.join(', ')})`)
      const kind = get('type_formation')
      if (kind && !(trainingSituationKinds.codes as readonly string[]).includes(kind))
        fail(at('type_formation'), `type de formation inconnu « ${kind} » (${trainingSituationKinds.codes.join(', ')})`)
      if (!actions.has(actionKey))
        actions.set(actionKey, {
          key: actionKey,
          bodyKey: siret,
          pos: at('action_ref'),
          places: {
            code: at('action_ref'),
            title: at('action_intitule'),
            funder: at('financeur'),
            nsfCode: at('code_nsf'),
            formacode: at('formacode'),
            level2019: at('niveau'),
            situationKind: at('type_formation'),
            public: at('public'),
            prerequisites: at('prerequis'),
            objective: at('objectif'),
            durationHours: at('duree_heures'),
          },
          values: {
            code: actionKey.slice(0, 50),
            title: get('action_intitule') ?? '',
            funder: funder as ActionRecord['values']['funder'],
            nsfCode: get('code_nsf'),
            formacode: get('formacode'),
            situationKind: kind ?? undefined,
            level2019: num('niveau'),
            public: get('public'),
            prerequisites: get('prerequis'),
            objective: get('objectif'),
            durationHours: num('duree_heures'),
            places: null,
          },
        })
      const startsOn = date('debut')
      const state = get('etat') ?? 'open'
      if (!['open', 'closed', 'cancelled'].includes(state))
        fail(at('etat'), `état inconnu « ${state} » (open, closed ou cancelled)`)
      const sessionPlaces = num('places')
      if (!startsOn) {
        if (!get('debut')) fail(at('debut'), 'date de début requise')
        continue
      }
      const session: SessionRecord = {
        key: get('session_ref') ?? `${actionKey}@${startsOn}`,
        actionKey,
        pos: at('session_ref'),
        places: {
          startsOn: at('debut'),
          endsOn: at('fin'),
          place: at('lieu'),
          communeCode: at('code_commune'),
          places: at('places'),
          applicationsCloseOn: at('cloture_candidatures'),
          status: at('etat'),
          ...places,
        },
        values: {
          startsOn,
          endsOn: date('fin'),
          place: get('lieu'),
          communeCode: get('code_commune'),
          places: sessionPlaces ?? 0,
          infoSessionPlace: null,
          applicationsCloseOn: date('cloture_candidatures'),
          status: state as SessionRecord['values']['status'],
        },
      }
      out.sessions.push(session)
    }
    out.bodies = [...bodies.values()]
    out.actions = [...actions.values()]
  } catch (e) {
    if (!(e instanceof TooManyIssues)) throw e
  }
  return out
}
