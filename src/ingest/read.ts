import { createReadStream } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { createInterface } from 'node:readline'
import { sitrepError, SitrepError } from '../core/errors.js'
import type { Article } from './article.js'
import { parseJsonlLine } from './jsonl.js'
import { decodeText, DEFAULT_MAX_BYTES, sniffFormat, type InputFormat } from './sniff.js'

export interface ReadOptions {
  maxBytes?: number
  /** Force a format instead of sniffing it. */
  format?: InputFormat
  /** Metadata applied to every article that lacks it (CLI --outlet/--published). */
  defaults?: Partial<Article>
}

/** What reading yields: an article, or a positioned error that loses nothing else. */
export type ReadItem =
  | { kind: 'article'; article: Article; where: string; format: InputFormat }
  | { kind: 'error'; error: SitrepError; where: string }

const INPUT_EXTENSIONS = /\.(txt|text|md|html?|xhtml|jsonl|ndjson|rss|atom|xml)$/i

/**
 * Stream articles from a file, a folder (recursively, in name order) or `-`
 * (standard input). JSON Lines are read line by line, so memory does not grow
 * with the file; a bad line is yielded as an error and reading goes on.
 */
export async function* readArticles(
  path: string,
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  if (path === '-') {
    yield* readStdin(options)
    return
  }
  let info
  try {
    info = await stat(path)
  } catch (error) {
    yield { kind: 'error', error: unreadable(path, error), where: path }
    return
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name))
    for (const entry of entries) {
      const child = join(path, entry.name)
      if (entry.isDirectory() || INPUT_EXTENSIONS.test(entry.name))
        yield* readArticles(child, options)
    }
    return
  }
  const format = options.format ?? sniffFormat(path, await readHead(path))
  if (format === 'jsonl') {
    yield* readJsonlStream(createReadStream(path), path, options)
    return
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (info.size > maxBytes) {
    yield {
      kind: 'error',
      error: sitrepError('E_INPUT_TOO_LARGE', { path, size: info.size, limit: maxBytes }),
      where: path,
    }
    return
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    yield { kind: 'error', error: unreadable(path, error), where: path }
    return
  }
  yield* fromBytes(bytes, path, format, options)
}

async function* readStdin(options: ReadOptions): AsyncGenerator<ReadItem> {
  if (options.format === 'jsonl') {
    yield* readJsonlStream(process.stdin, 'stdin', options)
    return
  }
  const chunks: Buffer[] = []
  let size = 0
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length
    if (size > maxBytes) {
      yield {
        kind: 'error',
        error: sitrepError('E_INPUT_TOO_LARGE', { path: 'stdin', size, limit: maxBytes }),
        where: 'stdin',
      }
      return
    }
    chunks.push(chunk as Buffer)
  }
  const bytes = Buffer.concat(chunks)
  const format = options.format ?? sniffFormat('stdin', bytes.subarray(0, 512).toString('utf8'))
  if (format === 'jsonl') {
    yield* fromJsonlText(bytes, 'stdin', options)
    return
  }
  yield* fromBytes(bytes, 'stdin', format, options)
}

// The HTML and feed readers pull in linkedom, Readability and an XML parser (a large share of
// a one-article start): they are loaded only when an input needs them.
async function* fromBytes(
  bytes: Uint8Array,
  where: string,
  format: InputFormat,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  try {
    const text = decodeText(bytes, where, options.maxBytes)
    const defaults = options.defaults ?? {}
    if (format === 'html') {
      const { htmlToArticle } = await import('./html.js')
      yield {
        kind: 'article',
        article: withDefaults(htmlToArticle(text, where), defaults, where),
        where,
        format,
      }
    } else if (format === 'feed') {
      const { feedToArticles } = await import('./feed.js')
      const articles = feedToArticles(text, where)
      for (const [i, article] of articles.entries()) {
        yield {
          kind: 'article',
          article: withDefaults(article, defaults, `${where}#${i + 1}`),
          where: `${where}#${i + 1}`,
          format,
        }
      }
    } else {
      yield { kind: 'article', article: withDefaults({ text }, defaults, where), where, format }
    }
  } catch (error) {
    if (error instanceof SitrepError) yield { kind: 'error', error, where }
    else throw error
  }
}

function* fromJsonlText(
  bytes: Uint8Array,
  where: string,
  options: ReadOptions,
): Generator<ReadItem> {
  const lines = Buffer.from(bytes).toString('utf8').split('\n')
  for (const [i, line] of lines.entries()) {
    const item = jsonlItem(line, `${where}:${i + 1}`, options)
    if (item) yield item
  }
}

async function* readJsonlStream(
  stream: NodeJS.ReadableStream,
  where: string,
  options: ReadOptions,
): AsyncGenerator<ReadItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let number = 0
  try {
    for await (const line of lines) {
      number++
      const item = jsonlItem(line, `${where}:${number}`, options)
      if (item) yield item
    }
  } catch (error) {
    yield { kind: 'error', error: unreadable(where, error), where }
  }
}

function jsonlItem(line: string, where: string, options: ReadOptions): ReadItem | null {
  if (line.trim() === '') return null
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    if (Buffer.byteLength(line) > maxBytes) {
      throw sitrepError('E_JSONL_LINE', {
        path: where.replace(/:\d+$/, ''),
        line: Number(where.split(':').pop()),
        cause: `line is over the ${maxBytes}-byte limit`,
      })
    }
    const article = parseJsonlLine(line, where)
    return {
      kind: 'article',
      article: withDefaults(article, options.defaults ?? {}, where),
      where,
      format: 'jsonl',
    }
  } catch (error) {
    if (error instanceof SitrepError) return { kind: 'error', error, where }
    throw error
  }
}

/** Fill metadata the input lacks; the id defaults to the file name for single files. */
function withDefaults(article: Article, defaults: Partial<Article>, where: string): Article {
  const merged: Article = { ...article }
  for (const key of ['outlet', 'published', 'url', 'title', 'language'] as const) {
    if (defaults[key] && !merged[key]) merged[key] = defaults[key]
  }
  if (!merged.id && where !== 'stdin' && !where.includes(':') && !where.includes('#')) {
    merged.id = basename(where).replace(/\.[^.]+$/, '')
  }
  return merged
}

async function readHead(path: string): Promise<string> {
  try {
    const handle = await import('node:fs/promises').then((fs) => fs.open(path))
    try {
      const buffer = Buffer.alloc(512)
      const { bytesRead } = await handle.read(buffer, 0, 512, 0)
      return buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch {
    return ''
  }
}

function unreadable(path: string, error: unknown): SitrepError {
  const cause =
    (error as NodeJS.ErrnoException)?.code === 'ENOENT'
      ? 'no such file or directory'
      : ((error as Error)?.message ?? String(error))
  return sitrepError('E_INPUT_UNREADABLE', { path, cause })
}
