// The progress display of a batch run on a terminal (cli-progress on stderr): packs done/total,
// pages, OCR pages and ETA; lines logged above it. Used only when stderr is an interactive TTY.
import cliProgress from 'cli-progress'

/** Redraws at most this often (ms): enough to feel live, cheap on a 2-core machine. */
const REDRAW_MS = 200

/** What the extract command drives. */
export interface Progress {
  /** Prints a line above the bar. */
  log(line: string): void
  packDone(pages: number): void
  ocrPage(): void
  stop(): void
}

/** A progress display on `stream` for `total` packs. */
export function createProgress(total: number, stream: NodeJS.WriteStream): Progress {
  const multi = new cliProgress.MultiBar({
    stream,
    format: 'packs {value}/{total} {bar} {percentage}% | pages {pages} | OCR pages {ocr} | ETA {eta_formatted}',
    fps: 1000 / REDRAW_MS,
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
    barsize: 24
  }, cliProgress.Presets.shades_classic)
  const payload = {pages: 0, ocr: 0}
  const bar = multi.create(total, 0, payload)
  return {
    log: (line) => multi.log(line.endsWith('\n') ? line : line + '\n'),
    packDone(pages) {
      payload.pages += pages
      bar.increment(1, payload)
    },
    ocrPage() {
      payload.ocr++
      bar.update(payload)
    },
    stop: () => multi.stop()
  }
}
