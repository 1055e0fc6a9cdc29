import { Page } from '../../../components/page.tsx'

export function SessionPage() {
  return <Page title="Formation">{null}</Page>
}
