import { type Capability, can } from '../../shared/auth/roles.ts'
import { useMe } from '../features/auth/auth.api.ts'
import { Forbidden } from './errors.tsx'

/** A page only some roles may open; the server refuses the data anyway, this keeps the screen honest. */
export function guarded(capability: Capability, Component: () => React.ReactNode) {
  return function Guarded() {
    const me = useMe()
    return can(me.role, capability) ? <Component /> : <Forbidden />
  }
}
