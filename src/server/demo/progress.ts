/**
 * Progress lines for a long load, at most one every `intervalMs` (a second by default). The loader tells the step under
 * way when it starts and again as it goes (demo.ts: after each chunk of rows): a line is printed when it differs from
 * the last one printed and the interval has passed since, so the reader sees the step under way, never a flood. No
 * timer: PGlite works on the main thread, a timer would wait for it anyway.
 */
export function throttledProgress(
  print: (line: string) => void,
  intervalMs = 1000,
  now: () => number = () => performance.now(),
): (line: string) => void {
  let last = Number.NEGATIVE_INFINITY
  let printed: string | undefined
  return (line) => {
    if (line === printed || now() - last < intervalMs) return
    print(line)
    printed = line
    last = now()
  }
}

/** What `npm start` and `jalon demo` print as a demo load begins. */
export const demoLoadHeading = (year2009: boolean) =>
  year2009
    ? 'Base vide : chargement de l’organisation de démonstration et des données de l’année 2009…'
    : 'Base vide : chargement de l’organisation de démonstration…'

/** The steps of a demo load as `npm start` and `jalon demo` print them: indented, at most one a second. */
export const demoLoadProgress = (print: (line: string) => void) => throttledProgress((line) => print(`  ${line}`))
