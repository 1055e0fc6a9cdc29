import type { FileTabProps } from '../../web-module.ts'

export function PlieTab(_props: FileTabProps) {
  return null
}
