import { loadAccompanimentDemo } from './accompaniment.demo.ts'
import { accompanimentRoutes } from './accompaniment.routes.ts'

/**
 * The accompaniment module as the server assembles it: its routes and its demo data. Read only by the lists that
 * assemble modules (modules/routes.ts, demo/demo-extensions.ts); other modules use index.ts.
 */
export const accompanimentModule = { routes: accompanimentRoutes, demo: loadAccompanimentDemo }
