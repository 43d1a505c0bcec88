/**
 * `npm run load`: autocannon against `sitrep serve` on 127.0.0.1, over a
 * 100,000-article SQLite store (built once by ./load-build.ts and cached in
 * .sitrep/load-100k.db, or $SITREP_LOAD_DB). Each endpoint is driven for a fixed
 * time (default 10 s, $SITREP_LOAD_SECONDS) with rotating requests: full-text
 * search, story pages, and map events. Reports requests/s and p95 latency (from
 * every response time, not autocannon's fixed percentiles) and fails on any error,
 * timeout or non-2xx answer.
 *
 * Writes docs/load.md (keeping its hand-written "History" section) and the "Load"
 * section of docs/quality.md (only that section: `sitrep eval-all` writes the rest).
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { ensureLoadStore, LOAD_ARTICLES } from './load-build.js'

const ROOT = join(import.meta.dirname, '..')
const SECONDS = Number(process.env.SITREP_LOAD_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.SITREP_LOAD_CONNECTIONS ?? 10)
const WORDS = [
  'Kharkiv',
  'drones',
  'missiles killing',
  'Odesa governor',
  'Khartoum',
  'rubble',
  'ceasefire talks',
  'Gaza City',
  'glide bombs',
  'mourning',
]
const CITIES: [number, number][] = [
  [49.99, 36.23],
  [46.48, 30.72],
  [15.5, 32.56],
  [31.5, 34.47],
  [48.46, 35.05],
]

interface Figures {
  endpoint: string
  example: string
  requests: number
  perSecond: number
  p50: number
  p95: number
  p99: number
  errors: number
  non2xx: number
  timeouts: number
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`load: server did not answer ${url}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** Drives one endpoint for SECONDS with the paths in turn. */
async function drive(base: string, endpoint: string, paths: string[]): Promise<Figures> {
  let turn = 0
  const times: number[] = []
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[turn++ % paths.length]! }),
      },
    ],
  })
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    times.push(ms)
  })
  const result = await instance
  times.sort((a, b) => a - b)
  return {
    endpoint,
    example: paths[0]!,
    requests: result.requests.total,
    perSecond: result.requests.total / SECONDS,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  }
}

function markdownTable(figures: Figures[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.endpoint} | \`${f.example}\` | ${f.perSecond.toFixed(0)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.p99.toFixed(1)} | ${f.requests} | ${f.errors + f.non2xx + f.timeouts} |`,
  )
  return [
    '| Endpoint | Example request | Requests/s | p50 ms | p95 ms | p99 ms | Requests | Errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n')
}

/** The `## History` section of load.md (written by people: what changed and the figures before), kept. */
function keptHistory(file: string): string {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const start = text.search(/^## History\b/m)
  return start < 0 ? '' : '\n' + text.slice(start)
}

/** Replaces the `## Load` section of quality.md (up to the next `## `), or appends it. */
function writeQualitySection(file: string, section: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Quality\n'
  const start = text.search(/^## Load\b/m)
  if (start < 0) {
    writeFileSync(file, text.replace(/\n*$/, '\n\n') + section)
    return
  }
  const rest = text.slice(start + 1)
  const next = rest.search(/^## /m)
  const end = next < 0 ? text.length : start + 1 + next
  writeFileSync(file, text.slice(0, start) + section + (next < 0 ? '' : '\n' + text.slice(end)))
}

async function main(): Promise<void> {
  const file = await ensureLoadStore()
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'src/cli/main.ts'),
      'serve',
      '--db',
      file,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  const load = loadavg()[0]!
  try {
    await waitFor(`${base}/api/stories?limit=1`, 60_000)
    const stories = (await (await fetch(`${base}/api/stories?limit=500&minArticles=2`)).json()) as {
      items: { id: string }[]
      total: number
    }
    if (stories.items.length === 0) throw new Error('load: the store has no stories')
    const searchPaths = WORDS.map((w) => `/api/search?q=${encodeURIComponent(w)}&limit=20`)
    const storyPaths = stories.items.map((s) => `/api/stories/${encodeURIComponent(s.id)}`)
    const months = Array.from({ length: 12 }, (_, m) => String(m + 1).padStart(2, '0'))
    const mapPaths = [
      ...months.map((m) => `/api/events?from=2025-${m}-01&to=2025-${m}-28&limit=500`),
      ...CITIES.map(([lat, lon]) => `/api/events?near=${lat},${lon},50&limit=500`),
    ]
    const figures: Figures[] = []
    for (const [name, paths] of [
      ['search', searchPaths],
      ['story', storyPaths],
      ['map (events)', mapPaths],
    ] as const) {
      // Warm-up: each request once, so the figures are the steady state (caches filled), not a cold start.
      for (const path of paths) await fetch(base + path).then((r) => r.arrayBuffer())
      process.stderr.write(`load: ${name} for ${SECONDS} s…\n`)
      const f = await drive(base, name, [...paths])
      process.stderr.write(
        `load: ${name}: ${f.perSecond.toFixed(0)} req/s, p95 ${f.p95.toFixed(1)} ms, errors ${f.errors + f.non2xx + f.timeouts}\n`,
      )
      figures.push(f)
    }
    const stats = (await (
      await fetch(`${base}/api/stats`).catch(() => null)
    )
      ?.json()
      .catch(() => null)) as Record<string, number> | null
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ')
    const setting =
      `${(stats?.versions ?? LOAD_ARTICLES).toLocaleString('en')} synthetic articles stored ` +
      `(${(stats?.articles ?? 0).toLocaleString('en')} current versions, ${(stats?.stories ?? 0).toLocaleString('en')} stories; SQLite, \`${file}\`), ` +
      `${CONNECTIONS} connections, ${SECONDS} s per endpoint, autocannon against \`sitrep serve\` on 127.0.0.1; ` +
      `Node ${process.version}, ${cpus().length} cores, load average ${load.toFixed(1)} at the start ` +
      `(a shared machine: the server, autocannon and other work share the cores).`
    const table = markdownTable(figures)
    const failed = figures.some((f) => f.errors + f.non2xx + f.timeouts > 0)
    writeFileSync(
      join(ROOT, 'docs/load.md'),
      `# Load (\`npm run load\`)\n\nMeasured ${when} UTC. ${setting}\n\n${table}\n\n` +
        (stats ? `Store: ${JSON.stringify(stats)}\n\n` : '') +
        'Rotating requests: search over ten queries; story pages of 500 stories with two or more articles; ' +
        'map events by month and near five cities (50 km); each request is made once before the timed run ' +
        '(warm caches). p50/p95/p99 from every response time.\n' +
        keptHistory(join(ROOT, 'docs/load.md')),
    )
    writeQualitySection(
      join(ROOT, 'docs/quality.md'),
      `## Load (\`npm run load\`)\n\nMeasured ${when} UTC. ${setting} Details: [load.md](load.md).\n\n${table}\n`,
    )
    process.stdout.write(table + '\n')
    if (failed) {
      process.stderr.write('load: some requests failed\n')
      process.exitCode = 1
    }
  } finally {
    server.kill('SIGTERM')
  }
}

await main()
