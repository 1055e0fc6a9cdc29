#!/usr/bin/env node
// The `jalon` command: runs the TypeScript CLI through tsx, so `npx jalon …` works in a checkout after `npm install`.
import { register } from 'tsx/esm/api'

register()
await import('../src/server/cli.ts')
