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
export function htmlToArticle(source: string, where: string, base: Partial<Article> = {}): Article {
  const { document } = parseHTML(source)
  const published = base.published ?? findPublished(document)
  const metaTitle = document.querySelector('title')?.textContent?.trim() || null
  let title: string | null = metaTitle
  let byline: string | null = null
  let text = ''
  try {
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

const BLOCK = /^(p|div|h[1-6]|li|blockquote|section|article|header|footer|figcaption|tr|pre|br)$/i

/** Text of an HTML fragment with a line break after each block element. */
export function blockText(fragment: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${fragment}</body></html>`)
  const parts: string[] = []
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push((child.textContent ?? '').replace(/\s+/g, ' '))
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName
        if (/^(script|style|noscript|template|svg)$/i.test(tag)) continue
        walk(child)
        if (BLOCK.test(tag)) parts.push('\n')
      }
    }
  }
  walk(document.body as unknown as Node)
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
