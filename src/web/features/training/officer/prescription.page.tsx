import { Page } from '../../../components/page.tsx'

export function PrescriptionPage() {
  return <Page title="Formation">{null}</Page>
}
