import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

// pdfmake for every PDF of the server (the annual report, the sessions' sign-in sheets): imported at the first PDF
// only (it is large), given its fonts and access rules once. The documents are built from our own data: no URL is
// fetched, no file but the fonts is read.

let pdfmakeReady: Promise<typeof import('pdfmake').default> | undefined

export function loadPdfmake() {
  pdfmakeReady ??= import('pdfmake').then(({ default: pdfmake }) => {
    const fontDir = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto')
    pdfmake.setFonts({
      Roboto: {
        normal: join(fontDir, 'Roboto-Regular.ttf'),
        bold: join(fontDir, 'Roboto-Medium.ttf'),
        italics: join(fontDir, 'Roboto-Italic.ttf'),
        bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
      },
    })
    pdfmake.setUrlAccessPolicy(() => false)
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir))
    return pdfmake
  })
  return pdfmakeReady
}
