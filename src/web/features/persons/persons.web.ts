import { createRoute } from '@tanstack/react-router'
import type { PersonDetail } from '../../../shared/persons/person.schema.ts'
import { guarded } from '../../routes/guard.tsx'
import { appPage, appRoute } from '../../routes/root.tsx'
import { defineWebModule } from '../../web-module.ts'
import { CreatePersonPage } from './create.page.tsx'
import { EnrolmentsTab } from './file/enrolments.tab.tsx'
import { EventsTab } from './file/events.tab.tsx'
import { fileSearchSchema } from './file/file-search.ts'
import { IdentityTab } from './file/identity.tab.tsx'
import { NotesTab } from './file/notes.tab.tsx'
import { PropositionsTab } from './file/propositions.tab.tsx'
import { SituationFileTab } from './file/situation.tab.tsx'
import { SituationsTab } from './file/situations.tab.tsx'
import { PersonFilePage } from './file.page.tsx'
import { PersonSearchPage, personSearchSchema } from './search.page.tsx'

const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes',
  validateSearch: (search) => personSearchSchema.partial().parse(search),
  component: guarded('persons', PersonSearchPage),
})
const fileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/personnes/$id',
  validateSearch: (search) => fileSearchSchema.parse(search),
  component: guarded('persons', PersonFilePage),
})

/** The accompaniment record: for those who follow people (the server says so in `can.readFile`). */
const followers = (person: PersonDetail) => person.can.readFile

export const personsModule = defineWebModule({
  name: 'persons',
  routes: [searchRoute, appPage('/personnes/nouvelle', CreatePersonPage, 'personCreate'), fileRoute],
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
    { key: 'identite', label: 'Identité', component: IdentityTab },
    { key: 'situation', label: 'Situation', visible: followers, component: SituationFileTab },
    { key: 'evenements', label: 'Événements', visible: followers, component: EventsTab },
    { key: 'propositions', label: 'Propositions', visible: followers, component: PropositionsTab },
    { key: 'situations', label: 'Situations', visible: followers, component: SituationsTab },
    { key: 'programmes', label: 'Programmes', visible: followers, component: EnrolmentsTab },
    { key: 'notes', label: 'Notes', visible: followers, component: NotesTab },
  ],
})
