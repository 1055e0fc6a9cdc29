import type { Command } from '../../cli/command.ts'

/** placeholder: the employment CLI commands (the clause statements' import from a file) */
export const employmentCommands: Command[] = []
