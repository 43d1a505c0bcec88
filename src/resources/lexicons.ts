import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { sitrepError } from '../core/errors.js'
import type { LexiconRow, Lexicons } from '../core/resources.js'

/**
 * Lexicons are tab-separated data files in ./lexicons/: a header row naming the
 * columns, then one entry per line; `#` starts a comment line. They are written
 * for this project and each has tests (lexicons.test.ts and the stage tests).
 */
export const LEXICON_DIR = new URL('./lexicons/', import.meta.url)

export function parseLexicon(name: string, source: string): LexiconRow[] {
  const lines = source.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'))
  const header = (lines.shift() ?? '').split('\t').map((h) => h.trim())
  return lines.map((line, index) => {
    const cells = line.split('\t')
    if (cells.length > header.length) {
      throw new Error(
        `lexicon ${name}: row ${index + 1} has ${cells.length} cells for ${header.length} columns`,
      )
    }
    const row: Record<string, string> = {}
    header.forEach((column, i) => (row[column] = (cells[i] ?? '').trim()))
    return row
  })
}

/** Loads lexicon files lazily, once each. */
export function loadLexicons(dir: URL = LEXICON_DIR): Lexicons {
  const cache = new Map<string, LexiconRow[]>()
  return {
    get(name: string) {
      let rows = cache.get(name)
      if (!rows) {
        const file = new URL(`${name}.tsv`, dir)
        if (!existsSync(file))
          throw sitrepError('E_MISSING_RESOURCE', { stage: 'lexicons', resource: name })
        rows = parseLexicon(name, readFileSync(file, 'utf8'))
        cache.set(name, rows)
      }
      return rows
    },
  }
}

/** Names of the lexicon files present (for tests and `sitrep --help`). */
export function lexiconNames(dir: URL = LEXICON_DIR): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .map((f) => f.slice(0, -4))
    .sort()
}
