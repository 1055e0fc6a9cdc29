import { lazyPage } from '../../routes/lazy.ts'
import type { FileTab, HomeCard, HomeLink, NavEntry } from '../../web-module.ts'

// The counsellor's training screens (docs/training/screens.md « Le conseiller et l’organisme de formation »): the
// person file's « Formation » tab with the prescription form. No home card of its own: every answer to a prescription
// reaches the prescriber as a notification (the bell and the home page's notifications).
export const counsellorRoutes = [] as const
export const counsellorNav: NavEntry[] = []
export const counsellorLinks: HomeLink[] = []
export const counsellorCards: HomeCard[] = []
export const counsellorFileTabs: FileTab[] = [
  {
    key: 'formation',
    label: 'Formation',
    capability: 'trainingPrescriptions',
    visible: (person) => person.can.readFile,
    component: lazyPage(() => import('./counsellor/training.tab.tsx'), 'TrainingTab'),
  },
]
