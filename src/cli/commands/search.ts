import { Command, Option } from 'commander'
import type { EventStatus, PloverType } from '../../core/record.js'
import { sitrepError } from '../../core/errors.js'
import type { ClaimStatus, SearchHit, SearchQuery } from '../../store/store.js'
import { addStoreOptions, openStoreFrom } from './ingest.js'

interface SearchOptions {
  db?: string
  pg?: string
  type?: PloverType
  near?: string
  from?: string
  to?: string
  actor?: string
  status?: EventStatus | ClaimStatus
  limit: number
  format?: 'text' | 'json'
}

export function registerSearch(program: Command): void {
  const command = program
    .command('search')
    .description('search the corpus: full text, with event filters')
    .argument('[text]', 'words that must all occur (empty: everything)', '')
  addStoreOptions(command)
    .option('--type <plover>', 'PLOVER event type, e.g. ASSAULT')
    .option('--near <lat,lon,km>', 'events within km of a point, e.g. 47.84,35.14,25')
    .option('--from <date>', 'events on or after YYYY-MM-DD')
    .option('--to <date>', 'events on or before YYYY-MM-DD')
    .option('--actor <name>', 'an actor name contains this')
    .option('--status <status>', 'event status (happened, …) or claim status (disputed, …)')
    .option('--limit <n>', 'hits to show', (v) => Number(v), 20)
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']))
    .action(async (text: string, options: SearchOptions) => {
      const query: SearchQuery = {
        text,
        limit: options.limit,
        ...(options.type ? { type: options.type.toUpperCase() as PloverType } : {}),
        ...(options.near ? { near: parseNear(options.near) } : {}),
        ...(options.from ? { from: isoDate(options.from, '--from') } : {}),
        ...(options.to ? { to: isoDate(options.to, '--to') } : {}),
        ...(options.actor ? { actor: options.actor } : {}),
        ...(options.status ? { status: options.status } : {}),
      }
      const store = await openStoreFrom(options)
      try {
        const page = await store.search(query)
        const format = options.format ?? (process.stdout.isTTY ? 'text' : 'json')
        if (format === 'json') process.stdout.write(JSON.stringify(page, null, 2) + '\n')
        else process.stdout.write(renderHits(page.items, page.total))
      } finally {
        await store.close()
      }
    })
}

export function parseNear(value: string): { lat: number; lon: number; km: number } {
  const parts = value.split(',').map((p) => Number(p.trim()))
  const [lat, lon, km] = parts
  if (
    parts.length !== 3 ||
    parts.some((p) => !Number.isFinite(p)) ||
    Math.abs(lat!) > 90 ||
    Math.abs(lon!) > 180 ||
    km! <= 0
  ) {
    throw sitrepError('E_USAGE', {
      detail: `--near wants LAT,LON,KM (e.g. 47.84,35.14,25), got "${value}"`,
    })
  }
  return { lat: lat!, lon: lon!, km: km! }
}

function isoDate(value: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw sitrepError('E_USAGE', { detail: `${flag} must be YYYY-MM-DD, got "${value}"` })
  return value
}

function renderHits(hits: SearchHit[], total: number): string {
  const lines = [`${total} article${total === 1 ? '' : 's'}`]
  for (const hit of hits) {
    const a = hit.article
    const head = [a.outlet, a.published].filter(Boolean).join(' · ')
    lines.push(`■ ${a.title ?? a.id}  [${a.id}]${head ? `  (${head})` : ''}`)
    lines.push(`  ${hit.snippet}`)
    for (const e of hit.events.slice(0, 5)) {
      const where = e.place ? ` @ ${e.place.name}` : ''
      lines.push(
        `  · ${e.type}${e.mode ? `/${e.mode}` : ''}${where} ${e.date ?? ''}  story ${e.storyId ?? '-'}`,
      )
    }
  }
  return lines.join('\n') + '\n'
}
