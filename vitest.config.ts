// Test runner settings: tests in test/ mirroring src/; OCR tests take seconds a page, so the
// per-test timeout is generous, and files run in forked processes (pdf.js and tesseract are heavy).
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2
  }
})
