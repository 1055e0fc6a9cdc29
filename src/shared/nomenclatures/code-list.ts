/**
 * A code list: its codes (for a zod enum: a non-empty tuple) and their French labels, from one object of labels, so
 * that a code cannot be listed without its label nor a label without its code.
 */
export const codeList = <const T extends Record<string, string>>(labels: T) => ({
  codes: Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]],
  labels,
})
