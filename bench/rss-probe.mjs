// Preloaded into the agendapack processes the benchmark runs (NODE_OPTIONS=--import): appends the
// process's peak resident set size (KB, worker threads included) to AGENDAPACK_BENCH_RSS_FILE at exit.
import {appendFileSync} from 'node:fs'

const file = process.env.AGENDAPACK_BENCH_RSS_FILE
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`))
