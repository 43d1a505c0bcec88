import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import { sitrepError } from '../../core/errors.js'
import type { GazetteerEntry } from '../../core/resources.js'
import {
  defaultGazetteerPath,
  importGeonames,
  openGazetteer,
  type OpenGazetteer,
} from '../../resources/gazetteer/index.js'
import { gazetteerOpenOptions } from '../../resources/index.js'

interface DbOption {
  db?: string
}

/** `sitrep gazetteer build|import|stats|lookup`: see and extend what the place resolver knows. */
export function registerGazetteer(program: Command): void {
  const gazetteer = program
    .command('gazetteer')
    .description(
      'the offline gazetteer (GeoNames cities500, countries, regions, aliases; extendable by import)',
    )
    .option('--db <path>', `index file (default $SITREP_GAZETTEER or ${defaultGazetteerPath()})`)

  gazetteer
    .command('build')
    .description('(re)build the index from the shipped data; imports must be redone afterwards')
    .action((_options, command: Command) => {
      const path = dbPath(command)
      const started = performance.now()
      const open = openGazetteer(path, { ...gazetteerOpenOptions(), rebuild: true })
      const stats = open.stats()
      open.close()
      process.stdout.write(
        `built ${path}: ${stats.places} places, ${stats.names} names in ${Math.round(performance.now() - started)} ms\n`,
      )
    })

  gazetteer
    .command('import')
    .description(
      'merge a GeoNames dump (allCountries.txt, UA.txt, cities1000.txt, …) into the index',
    )
    .argument('<file>', 'GeoNames dump: 19 tab-separated columns, no header')
    .option('--admin1 <file>', 'admin1CodesASCII-style names of first-level regions')
    .action((file: string, options: { admin1?: string }, command: Command) => {
      for (const input of [file, options.admin1]) {
        if (input && !existsSync(input)) {
          throw sitrepError('E_INPUT_UNREADABLE', { path: input, cause: 'no such file' })
        }
      }
      const path = dbPath(command)
      openGazetteer(path, gazetteerOpenOptions()).close()
      const report = importGeonames(path, file, { admin1File: options.admin1 })
      process.stdout.write(
        `imported ${report.rows} places (${report.skipped} lines skipped, ${report.admin1} region names) from ${file} into ${path} in ${report.ms} ms\n`,
      )
    })

  gazetteer
    .command('stats')
    .description('what the index holds')
    .action((_options, command: Command) => {
      withGazetteer(command, (open) => {
        const s = open.stats()
        process.stdout.write(
          [
            `index      ${s.path}`,
            `built      ${s.built ?? '?'}`,
            `places     ${s.places}`,
            `names      ${s.names}`,
            `regions    ${s.regions}`,
            `countries  ${s.countries}`,
            `imported   ${s.imported} places from ${s.imports.length ? s.imports.join(', ') : 'no file'}`,
          ].join('\n') + '\n',
        )
      })
    })

  gazetteer
    .command('lookup')
    .description('candidates for a name, best match first')
    .argument('<name...>', 'a place name, in any spelling or script')
    .option('-n, --limit <n>', 'how many to show', '20')
    .option('--json', 'print JSON')
    .action((words: string[], options: { limit: string; json?: boolean }, command: Command) => {
      withGazetteer(command, (open) => {
        const found = open.lookup(words.join(' ')).slice(0, Number(options.limit) || 20)
        if (options.json) {
          process.stdout.write(JSON.stringify(found, null, 2) + '\n')
          return
        }
        if (found.length === 0) process.stdout.write('no place known by that name\n')
        for (const entry of found) process.stdout.write(formatEntry(entry) + '\n')
      })
    })
}

function dbPath(command: Command): string {
  let parent: Command | null = command
  while (parent && parent.name() !== 'gazetteer') parent = parent.parent
  return (parent?.opts() as DbOption | undefined)?.db ?? defaultGazetteerPath()
}

function withGazetteer(command: Command, use: (open: OpenGazetteer) => void): void {
  const open = openGazetteer(dbPath(command), gazetteerOpenOptions())
  try {
    use(open)
  } finally {
    open.close()
  }
}

function formatEntry(e: GazetteerEntry): string {
  const id = e.geonameid >= 0 ? String(e.geonameid) : '-'
  const where = [e.admin1, e.country].filter(Boolean).join(', ')
  return [
    id.padStart(10),
    e.name.padEnd(28),
    where.padEnd(34),
    e.feature.padEnd(8),
    `${e.lat.toFixed(4)},${e.lon.toFixed(4)}`.padEnd(20),
    `pop ${e.population}`.padEnd(14),
    e.match ?? '',
  ].join(' ')
}
