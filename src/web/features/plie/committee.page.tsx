export function CommitteePage() {
  return null
}
