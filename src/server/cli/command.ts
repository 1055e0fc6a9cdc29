import type { Deps } from '../deps.ts'

/** A `jalon` sub-command. Each feature declares its own in its module and adds it to cli/commands.ts. */
export interface Command {
  name: string
  summary: string
  usage: string
  /** options as node:util parseArgs declares them */
  options?: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; default?: string | boolean; multiple?: boolean }
  >
  /** false: runs without opening the database */
  needsDatabase?: boolean
  run(ctx: {
    deps: Deps
    values: Record<string, unknown>
    positionals: string[]
    log: (msg: string) => void
  }): Promise<number | undefined>
}
