import { defineServerModule } from '../module.ts'
import { healthRoutes } from './health.routes.ts'

/** Liveness and readiness for the process supervisor. */
export const healthModule = defineServerModule({ name: 'health', tables: [], routes: healthRoutes })
