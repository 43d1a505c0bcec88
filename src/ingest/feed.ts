import { XMLParser } from 'fast-xml-parser'
import { sitrepError } from '../core/errors.js'
import type { Article } from './article.js'
import { blockText } from './html.js'

/**
 * Articles from an RSS 2.0 or Atom feed. A feed that declares a DOCTYPE or any
 * entity is refused before parsing: sitrep never expands entities (XXE, billion laughs).
 */
export function feedToArticles(xml: string, where: string): Article[] {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(xml)
  if (declaration) {
    const line = xml.slice(0, declaration.index).split('\n').length
    throw sitrepError('E_INPUT_FEED_ENTITY', { path: where, line })
  }
  let tree: Record<string, unknown>
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      processEntities: true, // only the five predefined XML entities; declarations are refused above
      htmlEntities: false,
      isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
    })
    tree = parser.parse(xml) as Record<string, unknown>
  } catch (error) {
    throw sitrepError('E_INPUT_FEED_INVALID', { path: where, cause: (error as Error).message })
  }
  const rss = tree.rss as { channel?: Record<string, unknown> } | undefined
  const channel = rss?.channel ?? (tree['rdf:RDF'] as Record<string, unknown> | undefined)
  const atom = tree.feed as Record<string, unknown> | undefined
  if (channel) {
    const outlet = str(channel.title)
    return asArray(channel.item).map((item) => rssItem(item as Record<string, unknown>, outlet))
  }
  if (atom) {
    const outlet = str(atom.title)
    return asArray(atom.entry).map((entry) => atomEntry(entry as Record<string, unknown>, outlet))
  }
  throw sitrepError('E_INPUT_FEED_INVALID', {
    path: where,
    cause: 'no <rss><channel> or <feed> root',
  })
}

function rssItem(item: Record<string, unknown>, outlet: string | null): Article {
  const body = str(item['content:encoded']) ?? str(item.description) ?? ''
  const link =
    asArray(item.link)
      .map(str)
      .find((l) => l) ?? null
  return {
    id: str(item.guid) ?? link,
    url: link,
    outlet,
    title: str(item.title),
    published: str(item.pubDate) ?? str(item['dc:date']),
    text: withTitle(str(item.title), blockText(body)),
  }
}

function atomEntry(entry: Record<string, unknown>, outlet: string | null): Article {
  const links = asArray(entry.link) as Record<string, unknown>[]
  const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0]
  const url = alternate ? str(alternate['@href']) : null
  const body = str(entry.content) ?? str(entry.summary) ?? ''
  return {
    id: str(entry.id) ?? url,
    url,
    outlet,
    title: str(entry.title),
    published: str(entry.published) ?? str(entry.updated),
    text: withTitle(str(entry.title), blockText(body)),
  }
}

function withTitle(title: string | null, body: string): string {
  if (!title) return body
  return body.startsWith(title) ? body : `${title}\n${body}`
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function str(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string') return value.trim() || null
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object' && '#text' in (value as object)) {
    return str((value as Record<string, unknown>)['#text'])
  }
  return null
}
