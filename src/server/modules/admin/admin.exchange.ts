import { sql } from 'kysely'
import { programmeTypeLabels, programmeTypes } from '../../../shared/admin/admin.schema.ts'
import { roleLabels, roles } from '../../../shared/auth/roles.ts'
import type { ColumnIssue, EntitySpec } from '../exchange/index.ts'
import { findCommune, findFormerCommune, resolveCommune } from '../reference/communes.ts'
import {
  findUsersByEmail,
  IMPORTED_PASSWORD,
  insertImportedUser,
  replaceSiteCommunes,
  replaceUserScopes,
  siteCommunes,
  updateImportedUser,
  userScopes,
} from './admin.exchange.repository.ts'

// The organisation: sites, programmes and users. They come first in the bundle: the person files refer to them
// by code (sites, programmes) and by e-mail (users).

const siteKinds = { codes: ['antenna', 'desk'], labels: { antenna: 'Antenne', desk: 'Permanence' } }
const programmeKinds = {
  codes: ['service', 'scheme'],
  labels: {
    service: 'Service qui accompagne des personnes (Mission Locale, PLIE) ; délimite le périmètre des utilisateurs',
    scheme: 'Dispositif auquel une personne est inscrite (CIVIS, CEJ, parrainage…)',
  },
}
const programmeTypeList = { codes: programmeTypes, labels: programmeTypeLabels }
const roleList = { codes: roles, labels: roleLabels }

export const sitesEntity: EntitySpec = {
  name: 'site',
  label: 'site',
  file: 'sites.csv',
  summary: 'antennes et permanences',
  table: 'site',
  description: 'Les antennes (bureaux à temps plein) et les permanences (bureaux à temps partiel dans une commune).',
  key: 'code',
  small: true,
  versioned: true,
  order: ['code'],
  columns: [
    { name: 'code', type: { kind: 'text', max: 20 }, required: true, description: 'Code du site, unique.' },
    { name: 'name', type: { kind: 'text', max: 120 }, required: true, description: 'Nom du site.' },
    {
      name: 'kind',
      type: { kind: 'code', list: siteKinds, listName: 'Types de site' },
      required: true,
      description: 'Antenne ou permanence.',
    },
    { name: 'address', type: { kind: 'text', max: 300 }, description: 'Adresse postale.' },
    { name: 'active', type: { kind: 'boolean' }, default: true, description: 'Site ouvert (vide : true).' },
    {
      name: 'commune_codes',
      type: { kind: 'communes' },
      db: false,
      exportSql: sql`(SELECT string_agg(sc.commune_code, '|' ORDER BY sc.commune_code COLLATE "C") FROM site_commune sc WHERE sc.site_id = t.id)`,
      description:
        'Communes desservies : codes INSEE séparés par |, remplacent la liste du site. Le code d’une ancienne ' +
        'commune est remplacé par celui de la commune actuelle (un site dessert le territoire d’aujourd’hui).',
    },
  ],
  warnings(row) {
    const former = ((row.values.commune_codes as string[] | null) ?? []).flatMap((c) => findFormerCommune(c) ?? [])
    return former.map((f) => ({
      column: 'commune_codes',
      message:
        `${f.code}${f.name ? ` (${f.name})` : ''} est une ancienne commune : le site dessert ` +
        `${f.successor.code} (${f.successor.name}), la commune actuelle.`,
    }))
  },
  async afterWrite(tx, rows, ctx) {
    const codes = rows.map((r) => r.values.code as string)
    const current = await siteCommunes(tx, ctx.structureId, codes)
    const changed = new Set<string>()
    for (const r of rows) {
      const code = r.values.code as string
      const site = current.get(code)!
      const written = (r.values.commune_codes as string[] | null) ?? []
      const wanted = [...new Set(written.map((c) => resolveCommune(c)!.current.code))].sort()
      if (wanted.join('|') === site.communes.join('|')) continue
      await replaceSiteCommunes(
        tx,
        site.id,
        wanted.map((c) => ({ code: c, name: findCommune(c)!.name })),
      )
      changed.add(code)
    }
    return changed
  },
}

export const programmesEntity: EntitySpec = {
  name: 'programme',
  label: 'programme',
  file: 'programmes.csv',
  summary: 'services et dispositifs',
  table: 'programme',
  description:
    'Les services (Mission Locale, PLIE) et les dispositifs (CIVIS, CEJ…) auxquels les personnes sont inscrites.',
  key: 'code',
  small: true,
  versioned: true,
  order: ['code'],
  columns: [
    {
      name: 'code',
      type: { kind: 'text', max: 20 },
      required: true,
      description: 'Code du programme : majuscules, chiffres ou _, de 2 à 20 caractères (ex. ML, PLIE, CEJ).',
    },
    { name: 'name', type: { kind: 'text', max: 120 }, required: true, description: 'Nom du programme.' },
    {
      name: 'kind',
      type: { kind: 'code', list: programmeKinds, listName: 'Types de programme' },
      default: 'service',
      description: 'Service ou dispositif (vide : service).',
    },
    {
      name: 'type',
      type: { kind: 'code', list: programmeTypeList, listName: 'Natures de programme' },
      emptyKeeps: true,
      description:
        'Ce qu’est le programme, quel que soit son code : le rapport annuel trouve ses populations par elle (ses ' +
        'chiffres Mission Locale comptent les personnes inscrites à un programme mission_locale). Vide : celle déjà ' +
        'enregistrée ; pour un nouveau programme, déduite du code (ML → mission_locale, PLIE → plie, CIVIS → civis, ' +
        'CEJ → cej, PARRAINAGE → mentoring, autre → other).',
    },
    {
      name: 'contact_days',
      type: { kind: 'integer', min: 1, max: 730 },
      description: 'Jours sans contact avant une alerte du portefeuille (vide : règle par défaut).',
    },
    {
      name: 'contact_days_during_step',
      type: { kind: 'integer', min: 1, max: 730 },
      description: 'La même règle pendant une étape en cours (vide : contact_days).',
    },
    { name: 'active', type: { kind: 'boolean' }, default: true, description: 'Programme en service (vide : true).' },
  ],
  check(v): ColumnIssue[] {
    return /^[A-Z0-9_]{2,20}$/.test(v.code as string)
      ? []
      : [{ column: 'code', message: `code invalide « ${v.code} » (majuscules, chiffres ou _, de 2 à 20 caractères)` }]
  },
}

export const usersEntity: EntitySpec = {
  name: 'user',
  label: 'utilisateur',
  file: 'users.csv',
  summary: 'conseillers, référents, auteurs',
  table: 'app_user',
  description:
    'Les conseillers, référents et auteurs nommés dans les autres fichiers. Un utilisateur importé est créé désactivé, ' +
    'sans mot de passe utilisable : un administrateur l’active et lui fait choisir un mot de passe. Un compte qui existe ' +
    'déjà (même e-mail) et qui a déjà servi n’est jamais modifié par un import ; un compte créé par un import précédent ' +
    'et jamais activé est mis à jour.',
  key: 'email',
  small: true,
  order: ['email'],
  columns: [
    { name: 'email', type: { kind: 'email' }, required: true, description: 'Adresse e-mail, identifiant du compte.' },
    { name: 'display_name', type: { kind: 'text', max: 120 }, required: true, description: 'Nom affiché.' },
    { name: 'role', type: { kind: 'code', list: roleList, listName: 'Rôles' }, required: true, description: 'Rôle.' },
    {
      name: 'site_codes',
      type: { kind: 'refs', target: 'site' },
      db: false,
      exportSql: sql`(SELECT string_agg(s.code, '|' ORDER BY s.code COLLATE "C") FROM user_site us JOIN site s ON s.id = us.site_id WHERE us.user_id = t.id)`,
      description: 'Sites où il travaille : codes de sites.csv (ou de la base) séparés par |.',
    },
    {
      name: 'programme_codes',
      type: { kind: 'refs', target: 'programme' },
      db: false,
      exportSql: sql`(SELECT string_agg(p.code, '|' ORDER BY p.code COLLATE "C") FROM user_programme up JOIN programme p ON p.id = up.programme_id WHERE up.user_id = t.id)`,
      description: 'Programmes qu’il suit : codes de programmes.csv (ou de la base) séparés par |.',
    },
  ],
  async write(tx, rows, ctx) {
    const existing = await findUsersByEmail(
      tx,
      rows.map((r) => r.values.email as string),
    )
    const scopes = await userScopes(
      tx,
      [...existing.values()].map((u) => u.id),
    )
    const out = { inserted: 0, updated: 0, issues: [] as (ColumnIssue & { line: number })[] }
    for (const r of rows) {
      const v = r.values
      const siteIds = ((v.site_codes as string[] | null) ?? []).slice().sort()
      const programmeIds = ((v.programme_codes as string[] | null) ?? []).slice().sort()
      const user = existing.get((v.email as string).toLowerCase())
      if (!user) {
        const id = await insertImportedUser(tx, ctx.structureId, v)
        await replaceUserScopes(tx, id, siteIds, programmeIds)
        out.inserted++
        continue
      }
      if (user.structure_id !== ctx.structureId) {
        out.issues.push({
          line: r.line,
          column: 'email',
          message: `« ${v.email} » est le compte d’un utilisateur d’une autre structure`,
        })
        continue
      }
      // An account in use is the organisation's, not the old system's: the import only refers to it.
      if (user.password_hash !== IMPORTED_PASSWORD || user.active) continue
      const s = scopes.get(user.id) ?? { siteIds: [], programmeIds: [] }
      const sameScopes = s.siteIds.join() === siteIds.join() && s.programmeIds.join() === programmeIds.join()
      const changed = await updateImportedUser(tx, user.id, v)
      if (!sameScopes) await replaceUserScopes(tx, user.id, siteIds, programmeIds)
      if (changed || !sameScopes) out.updated++
    }
    return out
  },
}
