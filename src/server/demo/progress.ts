/**
 * Progress lines for a long load, at most one every `intervalMs` (a second by default). A step told within the interval
 * of the last printed line waits for the interval to end, and is printed then unless a newer step replaced it: the reader
 * sees the step under way, never a flood of lines. `stop()` drops a step still waiting (the load is over).
 */
export function throttledProgress(
  print: (line: string) => void,
  intervalMs = 1000,
): { step: (line: string) => void; stop: () => void } {
  let last = Number.NEGATIVE_INFINITY
  let waiting: string | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const emit = () => {
    timer = undefined
    if (waiting === undefined) return
    print(waiting)
    waiting = undefined
    last = Date.now()
  }
  return {
    step(line) {
      waiting = line
      const since = Date.now() - last
      if (since >= intervalMs) emit()
      else if (!timer) {
        timer = setTimeout(emit, intervalMs - since)
        timer.unref?.()
      }
    },
    stop() {
      if (timer) clearTimeout(timer)
      timer = undefined
      waiting = undefined
    },
  }
}
