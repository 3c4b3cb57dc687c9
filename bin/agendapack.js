#!/usr/bin/env node
// Command-line entry: runs the compiled CLI from dist/ (build with `npm run build`).
await import('../dist/cli/main.js')
