import { Command, Option } from 'commander'
import { sitrepError } from '../../core/errors.js'
import type { PloverType } from '../../core/record.js'
import type { DiscrepancyRecord, StoryDetail, StoryRecord } from '../../store/store.js'
import { detachEvent } from '../../corpus/split.js'
import { addStoreOptions, openStoreFrom } from './ingest.js'

interface StoryOptions {
  db?: string
  pg?: string
  type?: PloverType
  min: number
  limit: number
  detach?: string
  format?: 'text' | 'json'
}

export function registerStory(program: Command): void {
  const command = program
    .command('story')
    .description(
      'one story (every report of one real-world event) with why each report joined; no id: list stories',
    )
    .argument('[id]', 'story id (s-…)')
  addStoreOptions(command)
    .option('--type <plover>', 'list only stories of this PLOVER type')
    .option('--min <n>', 'list only stories with at least this many articles', (v) => Number(v), 1)
    .option('--limit <n>', 'stories to list', (v) => Number(v), 20)
    .option(
      '--detach <eventId>',
      'undo a merge: split this event (and what joined through it) into a story of its own',
    )
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']))
    .action(async (id: string | undefined, options: StoryOptions) => {
      const store = await openStoreFrom(options)
      const format = options.format ?? (process.stdout.isTTY ? 'text' : 'json')
      try {
        if (options.detach) {
          const split = await detachEvent(store, options.detach)
          if (!split)
            throw sitrepError('E_USAGE', {
              detail: `event "${options.detach}" is not a joined member of a story (unknown, or it started its story)`,
            })
          process.stderr.write(
            `moved ${split.moved.join(', ')} from ${split.from} to ${split.to}\n`,
          )
          id = split.to
        }
        if (id) {
          const story = await store.getStory(id)
          if (!story) throw sitrepError('E_USAGE', { detail: `no story "${id}" in the store` })
          process.stdout.write(
            format === 'json' ? JSON.stringify(story, null, 2) + '\n' : renderStory(story),
          )
        } else {
          const page = await store.listStories({
            limit: options.limit,
            minArticles: options.min,
            ...(options.type ? { type: options.type.toUpperCase() as PloverType } : {}),
          })
          process.stdout.write(
            format === 'json'
              ? JSON.stringify(page, null, 2) + '\n'
              : [`${page.total} stories`, ...page.items.map(storyLine)].join('\n') + '\n',
          )
        }
      } finally {
        await store.close()
      }
    })
}

export function storyLine(s: StoryRecord): string {
  return `■ ${s.title}  [${s.id}]  ${s.articleCount} article${s.articleCount === 1 ? '' : 's'}, ${s.independentSources} independent source${s.independentSources === 1 ? '' : 's'}`
}

export function renderStory(story: StoryDetail): string {
  const lines = [storyLine(story)]
  if (story.origins.length) lines.push(`  sources: ${story.origins.join(', ')}`)
  lines.push(`  reports (${story.members.length})`)
  for (const m of story.members) {
    const e = m.event
    const head = [e.outlet, e.published].filter(Boolean).join(' · ')
    const counts = Object.entries(e.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')
    lines.push(`    ${e.id}  ${head}${counts ? `  [${counts}]` : ''}`)
    lines.push(`      “${e.text}”`)
    if (m.features) {
      const f = m.features
      lines.push(
        `      joined via ${m.linkedTo}: score ${f.score} (distance ${f.distanceKm ?? '?'} km, ${f.dayGap ?? '?'} days apart, actors ${f.actorOverlap}, text ${f.textSimilarity})`,
      )
    } else lines.push('      started the story')
  }
  if (story.discrepancies.length) {
    lines.push(`  discrepancies (${story.discrepancies.length})`)
    for (const d of story.discrepancies) lines.push(`    ${discrepancyLine(d)}`)
  }
  return lines.join('\n') + '\n'
}

export function discrepancyLine(d: DiscrepancyRecord): string {
  return `${d.kind === 'count' ? 'figures differ' : 'denial'}: ${d.summary}`
}
