export function CommitteesPage() {
  return null
}
