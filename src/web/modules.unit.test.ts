import { describe, expect, it } from 'vitest'
import { type Role, roles } from '../shared/auth/roles.ts'
import type { PersonDetail } from '../shared/persons/person.schema.ts'
import { FILE_TAB_KEY } from './features/persons/file/file-search.ts'
import { webModules } from './modules.ts'
import { fileTabsFor, homeCardsFor, homeLinksFor, navFor, routesOf } from './web-module.ts'

// The web app is assembled from the modules' manifests (docs/MODULES.md): what each role sees must come out of the list
// as it did when the navigation, the home page and the file's tabs were written by hand, and every entry must lead to
// a page that exists.

const routes = routesOf(webModules)
const pathOf = (route: { options: object }) => (route.options as { path?: string }).path ?? ''
const appPaths = routes.app.map(pathOf)
const publicPaths = routes.public.map(pathOf)
const labels = (role: Role) => navFor(webModules, role).map((e) => `${e.section ?? '-'} / ${e.label}`)

describe('the module list', () => {
  it('declares each route path once', () => {
    const all = [...appPaths, ...publicPaths]
    expect(all.length).toBeGreaterThan(10)
    expect(all.filter((p, i) => all.indexOf(p) !== i)).toEqual([])
  })

  it('leads every navigation entry and home link to a declared page', () => {
    const targets = webModules.flatMap((m) => [...m.nav.map((e) => e.to), ...m.home.links.map((l) => l.to)])
    expect(targets.filter((to) => !appPaths.includes(to))).toEqual([])
  })

  it('gives the person-file tabs distinct keys that fit the URL', () => {
    const keys = webModules.flatMap((m) => m.fileTabs.map((t) => t.key))
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
    expect(keys.filter((k) => !FILE_TAB_KEY.test(k))).toEqual([])
  })
})

describe('the navigation by role', () => {
  it('shows the counsellor the accompaniment, statistics and account sections, no administration', () => {
    expect(labels('counsellor')).toEqual([
      '- / Accueil',
      'Accompagnement / Personnes',
      'Accompagnement / Mon portefeuille',
      'Pilotage / Statistiques',
      'Pilotage / Qualité des données',
      'Accompagnement / Agenda',
      'Accompagnement / Séances collectives',
      'PLIE / Comités',
      'PLIE / Propositions',
      'Formation / Catalogue',
      'Emploi / Offres pour mes jeunes',
      'Emploi / Opérations de recrutement',
      'Mon compte / Mon profil',
    ])
  })

  it('shows the employment officer the whole department, from the dashboard to the clauses', () => {
    expect(labels('employment_officer')).toEqual([
      '- / Accueil',
      'Accompagnement / Personnes',
      'Emploi / Tableau de bord emploi',
      'Emploi / Offres d’emploi',
      'Emploi / Suivis des embauches',
      'Emploi / Entreprises',
      'Emploi / Opérations de recrutement',
      'Emploi / Viviers',
      'Emploi / Immersions',
      'Emploi / Clauses sociales',
      'Mon compte / Mon profil',
    ])
  })

  it('shows the administrator the administration and no person file', () => {
    expect(labels('admin')).toEqual([
      '- / Accueil',
      'Administration / Structure',
      'Administration / Sites',
      'Administration / Programmes',
      'Administration / Conventions et objectifs',
      'Administration / Utilisateurs',
      "Administration / Journal d'audit",
      'Administration / Salles',
      'Administration / Modèles de messages',
      'PLIE / Structures et partenaires',
      'PLIE / Communes membres',
      'PLIE / Financements',
      'Aides financières / Fonds et enveloppes',
      'Formation / Catalogue',
      'Formation / Import du catalogue',
      'Mon compte / Mon profil',
    ])
  })

  it('shows the director the audit trail but not the users', () => {
    expect(labels('director')).toEqual([
      '- / Accueil',
      'Accompagnement / Personnes',
      'Accompagnement / Mon portefeuille',
      'Pilotage / Statistiques',
      'Pilotage / Qualité des données',
      'Administration / Conventions et objectifs',
      "Administration / Journal d'audit",
      'Accompagnement / Agenda',
      'Accompagnement / Séances collectives',
      'PLIE / Comités',
      'PLIE / Propositions',
      'PLIE / Structures et partenaires',
      'PLIE / Communes membres',
      'PLIE / Financements',
      'Aides financières / Synthèse des fonds',
      'Aides financières / Fonds et enveloppes',
      'Aides financières / Commissions',
      'Aides financières / Projets de jeunes',
      'Formation / Catalogue',
      'Formation / Fonds de professionnalisation',
      'Emploi / Tableau de bord emploi',
      'Emploi / Offres d’emploi',
      'Emploi / Entreprises',
      'Emploi / Opérations de recrutement',
      'Emploi / Immersions',
      'Emploi / Clauses sociales',
      'Mon compte / Mon profil',
    ])
  })

  it('shows the statistician and the partner only what their role opens', () => {
    expect(labels('statistician')).toEqual([
      '- / Accueil',
      'Pilotage / Statistiques',
      'Pilotage / Qualité des données',
      'Administration / Conventions et objectifs',
      'Mon compte / Mon profil',
    ])
    // the partner: its own participants (PLIE) and its sessions (a training body), nothing else; an account bound to one
    // kind of organisation only finds the other page empty (docs/training/README.md, « Access »)
    expect(labels('partner')).toEqual([
      '- / Accueil',
      'PLIE / Mes participants',
      'Formation / Mes sessions de formation',
      'Mon compte / Mon profil',
    ])
    expect(labels('reception')).toEqual([
      '- / Accueil',
      'Accompagnement / Personnes',
      'Accompagnement / Agenda',
      'Accompagnement / Séances collectives',
      'Mon compte / Mon profil',
    ])
  })
})

describe('the home page by role', () => {
  const links = (role: Role) => homeLinksFor(webModules, role).map((l) => l.label)

  it('offers the quick links a role may follow, the caseload first', () => {
    expect(links('counsellor')).toEqual([
      'Mon portefeuille',
      'Agenda',
      'Rechercher une personne',
      'Créer un dossier',
      'Qualité des données',
      'Offres pour mes jeunes',
      'Immersions en entreprise',
    ])
    expect(links('director')).toEqual([
      'Mon portefeuille',
      'Agenda',
      'Rechercher une personne',
      'Qualité des données',
      'Objectifs des sites',
    ])
    expect(links('reception')).toEqual(['Agenda', 'Rechercher une personne', 'Créer un dossier'])
    expect(links('aid_officer')).toEqual(['Rechercher une personne', 'Aides à traiter'])
    expect(links('employment_officer')).toEqual([
      'Rechercher une personne',
      'Tableau de bord emploi',
      'Immersions',
      'Entreprises',
    ])
    expect(links('admin')).toEqual(['Objectifs des sites'])
    expect(links('statistician')).toEqual([])
    expect(links('partner')).toEqual(['Mes participants', 'Mes sessions de formation'])
  })

  it('gives each role its own blocks (docs/home.md), then its profile', () => {
    const cards = (role: Role) => homeCardsFor(webModules, role).map((c) => c.key)
    expect(cards('counsellor')).toEqual([
      'appointments',
      'alerts',
      'reminders',
      'employment-counsellor',
      'changes',
      'profile',
    ])
    expect(cards('reception')).toEqual(['search', 'arrivals', 'profile'])
    expect(cards('director')).toEqual([
      'key-figures',
      'team-alerts',
      'plie-year',
      'aid-funds',
      'employment-work',
      'profile',
    ])
    expect(cards('aid_officer')).toEqual(['aid-work', 'aid-funds', 'profile'])
    expect(cards('statistician')).toEqual(['key-figures', 'plie-year', 'profile'])
    expect(cards('training_officer')).toEqual(['training-work', 'training-fund', 'profile'])
    expect(cards('employment_officer')).toEqual([
      'employment-work',
      'employment-operations',
      'employment-clauses',
      'profile',
    ])
    for (const role of ['admin', 'partner'] as const) expect(cards(role), role).toEqual(['profile'])
  })
})

describe('the person file', () => {
  const reader = (readFile: boolean) => ({ can: { readFile } }) as PersonDetail

  it('opens the whole record, on its summary, to those who follow the person', () => {
    expect(fileTabsFor(webModules, reader(true)).map((t) => t.label)).toEqual([
      'Synthèse',
      'Identité',
      'Situation',
      'Événements',
      'Propositions',
      'Situations',
      'Programmes',
      'Notes',
      'Rendez-vous',
      'Séances',
    ])
  })

  it('shows the others the identity only, which is the default tab', () => {
    expect(fileTabsFor(webModules, reader(false)).map((t) => t.key)).toEqual(['identite'])
  })

  it('adds the file’s audit trail for the roles that may read it (the director) only', () => {
    expect(fileTabsFor(webModules, reader(true), 'director').map((t) => t.key)).toContain('journal')
    for (const role of roles.filter((r) => r !== 'director'))
      expect(
        fileTabsFor(webModules, reader(true), role).map((t) => t.key),
        role,
      ).not.toContain('journal')
    expect(fileTabsFor(webModules, reader(true)).map((t) => t.key)).not.toContain('journal')
  })
})
