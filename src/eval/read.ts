import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { sitrepError } from '../core/errors.js'
import type { GoldDoc } from '../core/gold.js'

/** Read a gold set: a folder of `.json` files (sorted by name), a `.jsonl` file, or one `.json`. */
export function readGoldSet(path: string): GoldDoc[] {
  let stat
  try {
    stat = statSync(path)
  } catch (error) {
    throw sitrepError('E_INPUT_UNREADABLE', { path, cause: (error as Error).message })
  }
  if (stat.isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => parseGold(readText(join(path, f)), join(path, f)))
  }
  const text = readText(path)
  if (path.endsWith('.jsonl')) return parseJsonl(text, path)
  return [parseGold(text, path)]
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    throw sitrepError('E_INPUT_UNREADABLE', { path, cause: (error as Error).message })
  }
}

function parseJsonl(text: string, path: string): GoldDoc[] {
  const docs: GoldDoc[] = []
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw sitrepError('E_JSONL_LINE', { path, line: i + 1, cause: (error as Error).message })
    }
    docs.push(checkGold(value, `${path} line ${i + 1}`))
  })
  return docs
}

function parseGold(text: string, path: string): GoldDoc {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw sitrepError('E_GOLD_INVALID', { path, cause: (error as Error).message })
  }
  return checkGold(value, path)
}

/** The minimum a scorer needs: an id, a text, and arrays where layers are given. */
function checkGold(value: unknown, path: string): GoldDoc {
  if (typeof value !== 'object' || value === null) {
    throw sitrepError('E_GOLD_INVALID', { path, cause: 'not an object' })
  }
  const doc = value as Record<string, unknown>
  if (typeof doc.id !== 'string') throw sitrepError('E_GOLD_INVALID', { path, cause: 'no "id"' })
  if (typeof doc.text !== 'string') {
    throw sitrepError('E_GOLD_INVALID', { path, cause: 'no "text"' })
  }
  for (const layer of ['entities', 'places', 'quotes', 'claims', 'events', 'layers']) {
    if (doc[layer] !== undefined && !Array.isArray(doc[layer])) {
      throw sitrepError('E_GOLD_INVALID', { path, cause: `"${layer}" is not an array` })
    }
  }
  doc.source ??= { outlet: null, published: null, url: null, language: null }
  return doc as unknown as GoldDoc
}
