import type { ComponentType } from 'react'
import type { Capability } from '../../../../shared/auth/roles.ts'
import type { PersonDetail } from '../../../../shared/persons/person.schema.ts'
import type { FileSearch } from './file-search.ts'

/** What the person file hands each of its tabs: the person, and the tab's state kept in the URL. */
export interface FileTabProps {
  person: PersonDetail
  search: FileSearch
  setSearch: (patch: Partial<FileSearch>) => void
}

/**
 * One tab of the person file, declared by the module it belongs to (its manifest's `fileTabs`). The tabs appear in the
 * order of the module list, then of each module's declaration; the first one is the file's default tab.
 */
export interface FileTab {
  /** the tab's name in the URL (`?onglet=…`): FILE_TAB_KEY (lower case letters and dashes), unique across modules */
  key: string
  label: string
  /** who sees it, from what the server says this reader may do with this person (`person.can`); absent = everyone */
  visible?: (person: PersonDetail) => boolean
  /** and only for the roles of this capability (the file's audit trail: the director), whatever the person */
  capability?: Capability
  /** a tab outside the first load is `lazyPage(() => import('./x.tab.tsx'), 'XTab')`: the file fetches it as it opens */
  component: ComponentType<FileTabProps> & { preload?: () => Promise<void> | undefined }
}
