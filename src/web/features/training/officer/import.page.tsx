import { Page } from '../../../components/page.tsx'

export function ImportPage() {
  return <Page title="Formation">{null}</Page>
}
