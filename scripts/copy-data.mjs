// Copies the data files under src/ (lexicons, web assets) next to the compiled
// JavaScript in dist/, so code finds them at the same relative path either way.
import { cpSync, existsSync } from 'node:fs'

for (const dir of [
  'resources/lexicons',
  'resources/data',
  'resources/gazetteer/data',
  'web/public',
]) {
  if (existsSync(`src/${dir}`)) cpSync(`src/${dir}`, `dist/${dir}`, { recursive: true })
}
