import { type Capability, can } from '../../shared/auth/roles.ts'
import { useMe } from '../features/auth/auth.api.ts'
import { Forbidden } from './errors.tsx'

/** A page component, possibly loaded on demand (`lazyRouteComponent`): the router awaits its `preload` before showing it. */
export type PageComponent = ((props: Record<string, never>) => React.ReactNode) & {
  preload?: () => Promise<void> | undefined
}

/** A page only some roles may open; the server refuses the data anyway, this keeps the screen honest. */
export function guarded(capability: Capability, Component: PageComponent): PageComponent {
  function Guarded() {
    const me = useMe()
    return can(me.role, capability) ? <Component /> : <Forbidden />
  }
  // a page loaded on demand stays so behind its guard: the router fetches its chunk while the route loads
  if (Component.preload) Guarded.preload = () => Component.preload?.()
  return Guarded
}
