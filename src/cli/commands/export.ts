import { createWriteStream } from 'node:fs'
import { Command, Option } from 'commander'
import type { Doc } from '../../core/record.js'
import { toClaimReview } from '../../corpus/claimreview.js'
import { eventRows } from '../../corpus/events.js'
import type { Store } from '../../store/store.js'
import { addStoreOptions, openStoreFrom } from './ingest.js'

type ExportFormat = 'acled' | 'geojson' | 'jsonl' | 'claimreview'
const FORMATS: ExportFormat[] = ['acled', 'geojson', 'jsonl', 'claimreview']

interface ExportOptions {
  db?: string
  pg?: string
  format: ExportFormat
  out?: string
}

/** The events engineer's exporters (src/export/*.ts), used when present; each takes a page of docs. */
interface Exporters {
  toAcledCsv?: (docs: Doc[]) => string
  toGeoJson?: (docs: Doc[]) => { features: unknown[] }
}

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description(
      'export the corpus: ACLED CSV, GeoJSON events, JSON Lines records, ClaimReview JSON-LD',
    )
  addStoreOptions(command)
    .addOption(
      new Option('--format <format>', 'acled | geojson | jsonl | claimreview')
        .choices(FORMATS)
        .makeOptionMandatory(),
    )
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action(async (options: ExportOptions) => {
      const store = await openStoreFrom(options)
      const out = options.out ? createWriteStream(options.out) : process.stdout
      const write = (text: string): Promise<void> =>
        new Promise((resolve, reject) => {
          if (out.write(text)) resolve()
          else out.once('drain', resolve).once('error', reject)
        })
      try {
        await exporters[options.format](store, write)
      } finally {
        await store.close()
        if (options.out) await new Promise<void>((resolve) => out.end(() => resolve()))
      }
    })
}

type Write = (text: string) => Promise<void>

const exporters: Record<ExportFormat, (store: Store, write: Write) => Promise<void>> = {
  jsonl: async (store, write) => {
    for await (const doc of store.iterateDocs()) await write(JSON.stringify(doc) + '\n')
  },
  geojson: async (store, write) => {
    const { toGeoJson } = await loadExporters('geojson')
    await write('{"type":"FeatureCollection","features":[\n')
    let first = true
    for await (const page of pages(store)) {
      const features = toGeoJson ? toGeoJson(page).features : page.flatMap(fallbackFeatures)
      for (const feature of features) {
        await write((first ? '' : ',\n') + JSON.stringify(feature))
        first = false
      }
    }
    await write('\n]}\n')
  },
  acled: async (store, write) => {
    const { toAcledCsv } = await loadExporters('acled')
    let header = true
    for await (const page of pages(store)) {
      const csv = toAcledCsv ? toAcledCsv(page) : fallbackAcled(page)
      const lines = csv.split('\n').filter((line) => line.length > 0)
      // Every page's CSV starts with the header row; keep only the first.
      await write((header ? lines : lines.slice(1)).map((l) => l + '\n').join(''))
      header = false
    }
  },
  claimreview: async (store, write) => {
    await write('[\n')
    let offset = 0
    let first = true
    for (;;) {
      const page = await store.listClaimClusters({ limit: 200, offset })
      if (page.items.length === 0) break
      for (const item of page.items) {
        const cluster = await store.getClaimCluster(item.id)
        if (!cluster) continue
        const urls = new Map<string, string | null>()
        for (const m of cluster.members)
          urls.set(m.articleId, (await store.getArticle(m.articleId))?.url ?? null)
        await write((first ? '' : ',\n') + JSON.stringify(toClaimReview(cluster, { urls })))
        first = false
      }
      offset += page.items.length
    }
    await write('\n]\n')
  },
}

async function* pages(store: Store, size = 200): AsyncGenerator<Doc[]> {
  let page: Doc[] = []
  for await (const doc of store.iterateDocs(size)) {
    page.push(doc)
    if (page.length >= size) {
      yield page
      page = []
    }
  }
  if (page.length) yield page
}

async function loadExporters(name: 'acled' | 'geojson'): Promise<Exporters> {
  // A variable specifier: the module may not exist yet in this tree, and then the fallback serves.
  const specifier = `../../export/${name}.js`
  try {
    return (await import(specifier)) as Exporters
  } catch {
    return {}
  }
}

function fallbackFeatures(doc: Doc): unknown[] {
  return eventRows(doc, doc.id)
    .map((row) => row.record)
    .filter((e) => e.place?.lat != null && e.place?.lon != null)
    .map((e) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [e.place!.lon, e.place!.lat] },
      properties: {
        id: e.id,
        type: e.type,
        mode: e.mode,
        acled: e.acled,
        date: e.date,
        place: e.place!.name,
        actors: e.actors,
        counts: e.counts,
        story: e.storyId,
        outlet: e.outlet,
      },
    }))
}

const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'location',
  'latitude',
  'longitude',
  'source',
  'notes',
  'fatalities',
]

function fallbackAcled(docs: Doc[]): string {
  const rows = [ACLED_COLUMNS.join(',')]
  for (const doc of docs) {
    for (const { record: e } of eventRows(doc, doc.id)) {
      if (!e.acled) continue
      const [type, sub] = splitAcled(e.acled)
      const precision = { day: 1, week: 2, month: 3, year: 3 }[e.datePrecision ?? 'day']
      rows.push(
        [
          e.id,
          e.date ?? '',
          String(precision),
          type,
          sub,
          e.actors[0] ?? '',
          e.actors[1] ?? '',
          e.place?.country ?? '',
          e.place?.name ?? '',
          e.place?.lat ?? '',
          e.place?.lon ?? '',
          e.outlet ?? '',
          e.text,
          String(e.counts.killed ?? 0),
        ]
          .map(csvCell)
          .join(','),
      )
    }
  }
  return rows.join('\n') + '\n'
}

/** "Explosions/Remote violence/Air/drone strike": the type has a slash of its own. */
function splitAcled(acled: string): [string, string] {
  const known = [
    'Explosions/Remote violence',
    'Violence against civilians',
    'Strategic developments',
  ]
  for (const type of known)
    if (acled.startsWith(type + '/')) return [type, acled.slice(type.length + 1)]
  const at = acled.indexOf('/')
  return at < 0 ? [acled, ''] : [acled.slice(0, at), acled.slice(at + 1)]
}

function csvCell(value: unknown): string {
  const text = String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
