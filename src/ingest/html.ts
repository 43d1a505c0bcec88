import { createRequire } from 'node:module'
import type { Readability as ReadabilityType } from '@mozilla/readability'
import type { parseHTML as ParseHtml } from 'linkedom'
import { sitrepError } from '../core/errors.js'
import type { Article } from './article.js'

// linkedom and Readability take a large share of a one-article start, and a plain-text or
// JSON Lines input never needs them (the JSON Lines reader imports this module for its
// `html` field): they are loaded on the first HTML page, through their CommonJS builds so
// that loading stays synchronous.
const require = createRequire(import.meta.url)
let libraries: { Readability: typeof ReadabilityType; parseHTML: typeof ParseHtml } | undefined
function html(): NonNullable<typeof libraries> {
  libraries ??= {
    Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityType })
      .Readability,
    parseHTML: (require('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML,
  }
  return libraries
}
function parseHTML(source: string): ReturnType<typeof ParseHtml> {
  return html().parseHTML(source)
}

/**
 * Main text, title, byline and date of an HTML page, via Readability on linkedom.
 * Paragraph and heading breaks become \n so paragraphs survive into the Doc.
 */
export function htmlToArticle(raw: string, where: string, base: Partial<Article> = {}): Article {
  const source = withDocumentElement(raw)
  const { document } = parseHTML(source)
  const published = base.published ?? findPublished(document)
  const metaTitle = document.querySelector('title')?.textContent?.trim() || null
  let title: string | null = metaTitle
  let byline: string | null = null
  let text = ''
  try {
    // Readability's cost grows steeply with nesting depth (seconds at a few hundred
    // levels); real articles are shallow, so deeper markup skips it for the plain walk.
    if (maxDepth(document.documentElement as unknown as Node) > MAX_READABILITY_DEPTH) {
      throw new Error('too deep for Readability')
    }
    // Readability mutates the document; it gets its own parse.
    const parsed = new (html().Readability)(
      parseHTML(source).document as unknown as Document,
    ).parse()
    if (parsed) {
      title = parsed.title?.trim() || title
      byline = parsed.byline?.trim() || null
      text = parsed.content ? blockText(parsed.content) : (parsed.textContent ?? '')
    }
  } catch {
    // Broken markup Readability cannot handle: fall back to the body text below.
  }
  if (text.trim() === '') text = blockText(document.body?.innerHTML || source)
  if (text.trim() === '') throw sitrepError('E_INPUT_HTML_EMPTY', { path: where })
  // The page's own headline beats <title>, which usually carries the site name.
  const headline = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null
  title = headline ?? title
  text = withHeadline(title, dropBylineLine(text, byline))
  return { ...base, title: base.title ?? title, byline: base.byline ?? byline, published, text }
}

/** Readability keeps a "By X" paragraph even when it reports X as the byline. */
function dropBylineLine(text: string, byline: string | null): string {
  const [first, ...rest] = text.split('\n')
  if (
    first &&
    /^by\s/i.test(first) &&
    first.split(/\s+/).length <= 8 &&
    (!byline || first.includes(byline.replace(/^by\s+/i, '')))
  ) {
    return rest.join('\n')
  }
  return text
}

/** The headline is part of the article: it opens the text, as in a printed report. */
function withHeadline(title: string | null, text: string): string {
  if (!title || text.startsWith(title)) return text
  return `${title}\n${text}`
}

const MAX_READABILITY_DEPTH = 120

/**
 * linkedom gives a document without a root element for markup that has none
 * ("hello world", "<!doctype html>text"), and querying it throws: give it one.
 */
function withDocumentElement(source: string): string {
  if (/<html[\s>]/i.test(source)) return source
  return `<!doctype html><html><head></head><body>${source.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`
}

/** Deepest element nesting, walked with an explicit stack (no recursion to overflow). */
function maxDepth(root: Node | null): number {
  if (!root) return 0
  let deepest = 0
  const stack: [Node, number][] = [[root, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number]
    if (depth > deepest) deepest = depth
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 1) stack.push([child, depth + 1])
    }
  }
  return deepest
}

const BLOCK = /^(p|div|h[1-6]|li|blockquote|section|article|header|footer|figcaption|tr|pre|br)$/i

/** Text of an HTML fragment with a line break after each block element. */
export function blockText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`)
  const parts: string[] = []
  // An explicit stack, not recursion: hostile pages nest tens of thousands deep.
  // Entries are nodes to read, or the closing marker of a block element.
  const stack: (Node | { close: string })[] = [document.body as unknown as Node]
  let first = true
  while (stack.length > 0) {
    const item = stack.pop() as Node | { close: string }
    if ('close' in item) {
      if (BLOCK.test(item.close)) parts.push('\n')
      continue
    }
    if (!first && item.nodeType === 3) {
      parts.push((item.textContent ?? '').replace(/\s+/g, ' '))
      continue
    }
    if (!first && item.nodeType !== 1) continue
    const tag = first ? 'body' : (item as Element).tagName
    first = false
    if (/^(script|style|noscript|template|svg)$/i.test(tag)) continue
    stack.push({ close: tag })
    const children = Array.from(item.childNodes)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node)
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}

function findPublished(document: ReturnType<typeof parseHTML>['document']): string | null {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[itemprop="datePublished"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  ]
  for (const selector of selectors) {
    const content = document.querySelector(selector)?.getAttribute('content')
    if (content) return content
  }
  return document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null
}
