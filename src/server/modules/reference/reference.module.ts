import { defineServerModule } from '../module.ts'
import { referenceRoutes } from './reference.routes.ts'

/** National reference lists read by the forms (communes, nomenclatures). */
export const referenceModule = defineServerModule({ name: 'reference', tables: [], routes: referenceRoutes })
