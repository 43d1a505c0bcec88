#!/usr/bin/env node
// The installed command: runs the compiled CLI (npm install builds dist/ through `prepare`).
process.env.SITREP_CLI = '0'
const { main } = await import('../dist/cli/main.js')
await main()
