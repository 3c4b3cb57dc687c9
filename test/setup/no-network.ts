// Vitest setup file: the whole suite runs with network access made to fail, in the test processes
// and in the CLI processes they start (through NODE_OPTIONS), so nothing can quietly download.
import {fileURLToPath, pathToFileURL} from 'node:url'

const PRELOAD = fileURLToPath(new URL('./no-network-preload.mjs', import.meta.url))

await import(pathToFileURL(PRELOAD).href)
const flag = `--import=${pathToFileURL(PRELOAD).href}`
if (!(process.env.NODE_OPTIONS ?? '').includes(flag)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${flag}`.trim()
