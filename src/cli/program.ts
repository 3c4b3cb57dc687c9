// The command-line interface as commander definitions: flags → options → the command runners, each
// imported only when it runs. Commands report an exit code; main.ts sets it. Usage errors exit 2.
import {createRequire} from 'node:module'
import {Command, InvalidArgumentError, Option} from 'commander'
import {parseShard, type Shard} from '../batch/shard.js'
import {DEFAULT_TIMEOUT_S} from './defaults.js'
import {processIo, type CliIo} from './io.js'

const {version} = createRequire(import.meta.url)('../../package.json') as {version: string}

/** Builds the program; `setExitCode` receives each command's exit code; `io` is injectable for tests. */
export function createProgram(setExitCode: (code: number) => void, makeIo: typeof processIo = processIo): Command {
  const program = new Command('agendapack')
    .description('Read UK council agenda packs (PDF, scanned PDF, markdown, text) into validated JSON.')
    .version(version, '-V, --version')
    .option('--no-color', 'no colour in the report')
    .showHelpAfterError('(run agendapack --help for usage)')
    .exitOverride()
  const io = (extra: {quiet?: boolean} = {}): CliIo => makeIo({color: program.opts()['color'] !== false, ...extra})

  program.command('extract')
    .description('extract packs (files or folders; the bundled fixture packs when none is given) into Pack JSON files')
    .argument('[inputs...]', 'PDF, markdown or text files, or folders to search')
    .option('-o, --out <dir>', 'output folder (- writes one pack to stdout)', 'out')
    .addOption(ocrOption())
    .option('--no-text', 'leave pages[].text null to keep files small')
    .option('--kpi-csv <file>', 'also write every KPI table cell as one tidy CSV row (pack, table, page, indicator, column, kind, period, raw, value, confidence)')
    .addOption(new Option('--format <format>', 'json: one file per pack, mirroring the input tree; ndjson: one line per pack (-o file.ndjson, a folder, or -)').choices(['json', 'ndjson']).default('json'))
    .option('-j, --jobs <n>', 'most packs extracted at once, each in a worker thread; a few quick packs use fewer (default: the number of cores)', positiveInt)
    .option('--ocr-workers <n>', 'tesseract.js workers shared by all packs (default: the number of cores)', positiveInt)
    .option('--timeout <seconds>', `time limit per pack; a pack over it is stopped and reported (0: none; default ${DEFAULT_TIMEOUT_S})`, nonNegativeNumber)
    .option('--force', 'redo packs whose output is already up to date')
    .option('--cache-dir <dir>', 'OCR cache folder (default: $XDG_CACHE_HOME/agendapack or ~/.cache/agendapack)')
    .option('--no-cache', 'do not read or write the OCR cache')
    .option('--shard <k/n>', 'extract only slice k of n (0-based) of the sorted inputs, for spreading a run over machines', shardOption)
    .option('--report <file>', 'also write the run summary as JSON')
    .option('-q, --quiet', 'print only failures')
    .action(async (inputs: string[], flags) => {
      // Loaded here, not at start-up: --version and --help load no command, and extract's packs
      // run in worker threads, so this thread never loads pdf.js or the segmenters.
      const {runExtract} = await import('./commands/extract.js')
      setExitCode(await runExtract(inputs, flags, io(flags)))
    })

  program.command('regress')
    .description('re-extract every fixture pack and compare it field by field with its golden file (<file>.pack.json); exit 1 on any difference')
    .argument('<fixtures-dir>', 'folder of fixture packs')
    .option('--update', 'rewrite the golden files from this run')
    .option('-j, --jobs <n>', 'packs extracted at once (default: the number of cores)', positiveInt)
    .option('--ocr-workers <n>', 'tesseract.js workers (default: the number of cores)', positiveInt)
    .option('--cache-dir <dir>', 'OCR cache folder')
    .option('--no-cache', 'do not use the OCR cache')
    .action(async (folder: string, flags) => {
      const {runRegress} = await import('./commands/regress.js')
      setExitCode(await runRegress(folder, flags, io()))
    })

  program.command('inspect')
    .description('show per page how it was read: method and reason, characters, OCR confidence, printed number, furniture removed')
    .argument('<file>', 'a PDF, markdown or text file')
    .addOption(ocrOption())
    .option('--json', 'print the inspection as JSON')
    .action(async (file: string, flags) => {
      const {runInspect} = await import('./commands/inspect.js')
      setExitCode(await runInspect(file, flags, io()))
    })

  program.command('validate')
    .description('check Pack JSON files against the schema')
    .argument('<files...>', 'JSON files written by agendapack extract')
    .action(async (files: string[]) => {
      const {runValidate} = await import('./commands/validate.js')
      setExitCode(await runValidate(files, io()))
    })

  program.command('schema')
    .description('print the JSON Schema of the Pack document')
    .option('--bigquery', 'print it as a BigQuery table schema instead (for bq load of NDJSON output)')
    .action(async (flags: {bigquery?: boolean}) => {
      const {runSchema} = await import('./commands/schema.js')
      setExitCode(runSchema(flags, io()))
    })

  return program
}

function ocrOption(): Option {
  return new Option('--ocr <mode>', 'when to OCR a page: auto (no sound text layer), always, never')
    .choices(['auto', 'always', 'never'])
    .default('auto')
}

function nonNegativeNumber(value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0 || value.trim() === '') throw new InvalidArgumentError('expected a number of seconds, 0 or more')
  return n
}

function shardOption(value: string): Shard {
  try {
    return parseShard(value)
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
}

function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1')
  return n
}
