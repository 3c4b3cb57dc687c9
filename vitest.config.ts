// Test runner settings: tests in test/ mirroring src/; OCR tests take seconds a page, so the
// per-test timeout is generous, and files run in forked processes (pdf.js and tesseract are heavy).
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Any network access fails in tests and in the CLI processes they start: OCR must run offline.
    setupFiles: ['test/setup/no-network.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2
  }
})
