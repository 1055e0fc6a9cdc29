import { Page } from '../../../components/page.tsx'

export function CataloguePage() {
  return <Page title="Formation">{null}</Page>
}
