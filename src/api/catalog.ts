/**
 * Entities and places across the corpus. The Store keeps them inside each Doc
 * only, so this index is built from the corrected docs on first use and rebuilt
 * after a write (ingest or correction). It holds keys and counts, not texts.
 */
import type { Doc, EntityType } from '../core/record.js'
import type { AppContext } from './context.js'

export interface EntitySummary {
  key: string
  name: string
  type: EntityType
  aliases: string[]
  roles: string[]
  articleCount: number
  mentionCount: number
}

export interface PlaceSummary {
  id: string
  name: string
  country: string | null
  admin1: string | null
  lat: number | null
  lon: number | null
  /** Best (lowest) ACLED precision seen for it. */
  precision: 1 | 2 | 3
  feature: string | null
  articleCount: number
  mentionCount: number
  /** Mentions used as metonyms ("Kyiv said"), not as locations. */
  metonymCount: number
}

interface Index {
  generation: number
  entities: Map<string, EntitySummary & { articles: Set<string> }>
  places: Map<string, PlaceSummary & { articles: Set<string> }>
}

export function placeId(place: { geonameid: number | null; name: string; country: string | null }) {
  if (place.geonameid !== null) return `g${place.geonameid}`
  return `n-${(place.country ?? 'xx').toLowerCase()}-${place.name.toLowerCase().replace(/\W+/g, '-')}`
}

export class Catalog {
  private index: Index | null = null
  private building: Promise<Index> | null = null

  constructor(private readonly ctx: AppContext) {}

  async entities(): Promise<EntitySummary[]> {
    return [...(await this.current()).entities.values()].map(({ articles: _a, ...e }) => e)
  }

  async entity(key: string): Promise<(EntitySummary & { articleIds: string[] }) | null> {
    const found = (await this.current()).entities.get(key)
    if (!found) return null
    const { articles, ...summary } = found
    return { ...summary, articleIds: [...articles] }
  }

  async places(): Promise<PlaceSummary[]> {
    return [...(await this.current()).places.values()].map(({ articles: _a, ...p }) => p)
  }

  async place(id: string): Promise<(PlaceSummary & { articleIds: string[] }) | null> {
    const found = (await this.current()).places.get(id)
    if (!found) return null
    const { articles, ...summary } = found
    return { ...summary, articleIds: [...articles] }
  }

  private async current(): Promise<Index> {
    if (this.index && this.index.generation === this.ctx.generation) return this.index
    this.building ??= this.build().finally(() => (this.building = null))
    this.index = await this.building
    return this.index
  }

  private async build(): Promise<Index> {
    const index: Index = {
      generation: this.ctx.generation,
      entities: new Map(),
      places: new Map(),
    }
    for await (const raw of this.ctx.store.iterateDocs()) {
      const doc = (await this.ctx.doc(raw.id)) ?? raw
      addEntities(index, doc)
      addPlaces(index, doc)
    }
    return index
  }
}

function addEntities(index: Index, doc: Doc): void {
  const mentionsByEntity = new Map<string, number>()
  for (const mention of doc.layers.mentions ?? []) {
    mentionsByEntity.set(mention.entity, (mentionsByEntity.get(mention.entity) ?? 0) + 1)
  }
  for (const entity of doc.layers.entities ?? []) {
    let entry = index.entities.get(entity.key)
    if (!entry) {
      entry = {
        key: entity.key,
        name: entity.name,
        type: entity.type,
        aliases: [],
        roles: [],
        articleCount: 0,
        mentionCount: 0,
        articles: new Set(),
      }
      index.entities.set(entity.key, entry)
    }
    for (const alias of [entity.name, ...entity.aliases]) {
      if (alias !== entry.name && !entry.aliases.includes(alias)) entry.aliases.push(alias)
    }
    if (entity.role && !entry.roles.includes(entity.role)) entry.roles.push(entity.role)
    entry.articles.add(doc.id)
    entry.articleCount = entry.articles.size
    entry.mentionCount += mentionsByEntity.get(entity.id) ?? 1
  }
}

function addPlaces(index: Index, doc: Doc): void {
  for (const place of doc.layers.places ?? []) {
    const id = placeId(place)
    let entry = index.places.get(id)
    if (!entry) {
      entry = {
        id,
        name: place.name,
        country: place.country,
        admin1: place.admin1,
        lat: place.lat,
        lon: place.lon,
        precision: place.precision,
        feature: place.feature,
        articleCount: 0,
        mentionCount: 0,
        metonymCount: 0,
        articles: new Set(),
      }
      index.places.set(id, entry)
    }
    entry.precision = Math.min(entry.precision, place.precision) as 1 | 2 | 3
    entry.articles.add(doc.id)
    entry.articleCount = entry.articles.size
    entry.mentionCount += 1 + place.mentions.length
    if (place.use === 'metonym') entry.metonymCount += 1 + place.mentions.length
  }
}
