// pdfmake 0.3 ships no types: the part of its server API the report uses.
declare module 'pdfmake' {
  interface FontFiles {
    normal: string
    bold: string
    italics: string
    bolditalics: string
  }
  interface OutputDocument {
    getBuffer(): Promise<Buffer>
  }
  const pdfmake: {
    setFonts(fonts: Record<string, FontFiles>): void
    setUrlAccessPolicy(allow: (url: string) => boolean): void
    setLocalAccessPolicy(allow: (path: string) => boolean): void
    createPdf(doc: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument
  }
  export default pdfmake
}
