import { createRoute } from '@tanstack/react-router'
import type { PersonDetail } from '../../../shared/persons/person.schema.ts'
import { guarded } from '../../routes/guard.tsx'
import { lazyPage } from '../../routes/lazy.ts'
import { appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { fileSearchSchema } from './file/file-search.ts'
import { interviewSearchSchema } from './interview/interview-values.ts'
import { createSearchSchema, personSearchSchema } from './person-search.ts'

// The pages and the file's tabs are loaded when opened (or when a link to them is hovered): the forms of the file, its
// date pickers and its lists are not in the first load. The file page fetches every tab's chunk as it opens.

const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes',
  validateSearch: (search) => personSearchSchema.partial().parse(search),
  component: guarded(
    'persons',
    lazyPage(() => import('./search.page.tsx'), 'PersonSearchPage'),
  ),
})
const fileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes/$id',
  validateSearch: (search) => fileSearchSchema.parse(search),
  component: guarded(
    'persons',
    lazyPage(() => import('./file.page.tsx'), 'PersonFilePage'),
  ),
})

/** The file at the first reception: `?q=&birthDate=&phone=` carry what the search typed (identityFromSearch). */
const createPersonRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes/nouvelle',
  validateSearch: (search) => createSearchSchema.parse(search),
  component: guarded(
    'personCreate',
    lazyPage(() => import('./create.page.tsx'), 'CreatePersonPage'),
  ),
})

/** The interview screen: `?rdv=` names the agenda's appointment it records (interview/appointment-prefill.ts). */
const interviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes/$id/entretien',
  validateSearch: (search) => interviewSearchSchema.parse(search),
  component: guarded(
    'persons',
    lazyPage(() => import('./interview/interview.page.tsx'), 'InterviewPage'),
  ),
})

/** The accompaniment record: for those who follow people (the server says so in `can.readFile`). */
const followers = (person: PersonDetail) => person.can.readFile

export const personsModule = defineWebModule({
  name: 'persons',
  routes: [searchRoute, createPersonRoute, fileRoute, interviewRoute],
  nav: [{ to: '/personnes', label: 'Personnes', section: 'Accompagnement', capability: 'persons' }],
  home: {
    links: [
      {
        order: 20,
        to: '/personnes',
        label: 'Rechercher une personne',
        after: ' par son nom, sa date de naissance ou son téléphone',
        capability: 'persons',
      },
      {
        order: 30,
        to: '/personnes/nouvelle',
        label: 'Créer un dossier',
        after: ' au premier accueil',
        capability: 'personCreate',
      },
    ],
  },
  // Identity first: every reader of the file has it, and it is the file's default tab.
  fileTabs: [
    {
      key: 'identite',
      label: 'Identité',
      component: lazyPage(() => import('./file/identity.tab.tsx'), 'IdentityTab'),
    },
    {
      key: 'situation',
      label: 'Situation',
      visible: followers,
      component: lazyPage(() => import('./file/situation.tab.tsx'), 'SituationFileTab'),
    },
    {
      key: 'evenements',
      label: 'Événements',
      visible: followers,
      component: lazyPage(() => import('./file/events.tab.tsx'), 'EventsTab'),
    },
    {
      key: 'propositions',
      label: 'Propositions',
      visible: followers,
      component: lazyPage(() => import('./file/propositions.tab.tsx'), 'PropositionsTab'),
    },
    {
      key: 'situations',
      label: 'Situations',
      visible: followers,
      component: lazyPage(() => import('./file/situations.tab.tsx'), 'SituationsTab'),
    },
    {
      key: 'programmes',
      label: 'Programmes',
      visible: followers,
      component: lazyPage(() => import('./file/enrolments.tab.tsx'), 'EnrolmentsTab'),
    },
    {
      key: 'notes',
      label: 'Notes',
      visible: followers,
      component: lazyPage(() => import('./file/notes.tab.tsx'), 'NotesTab'),
    },
  ],
})
