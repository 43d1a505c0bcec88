import { Command, Option } from 'commander'
import { sitrepError } from '../../core/errors.js'
import {
  CLAIM_STATUSES,
  type ClaimClusterDetail,
  type ClaimClusterRecord,
  type ClaimStatus,
} from '../../store/store.js'
import { addStoreOptions, openStoreFrom } from './ingest.js'
import { discrepancyLine } from './story.js'

interface ClaimsOptions {
  db?: string
  pg?: string
  status?: ClaimStatus
  limit: number
  format?: 'text' | 'json'
}

export function registerClaims(program: Command): void {
  const command = program
    .command('claims')
    .description(
      'claims across articles with their status over time and independent sources; with an id: one claim',
    )
    .argument('[id]', 'claim cluster id (c-…)')
  addStoreOptions(command)
    .addOption(
      new Option('--status <status>', 'only claims with this status').choices([...CLAIM_STATUSES]),
    )
    .option('--limit <n>', 'claims to list', (v) => Number(v), 20)
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']))
    .action(async (id: string | undefined, options: ClaimsOptions) => {
      const store = await openStoreFrom(options)
      const format = options.format ?? (process.stdout.isTTY ? 'text' : 'json')
      try {
        if (id) {
          const cluster = await store.getClaimCluster(id)
          if (!cluster) throw sitrepError('E_USAGE', { detail: `no claim "${id}" in the store` })
          process.stdout.write(
            format === 'json' ? JSON.stringify(cluster, null, 2) + '\n' : renderClaim(cluster),
          )
        } else {
          const page = await store.listClaimClusters({
            limit: options.limit,
            ...(options.status ? { status: options.status } : {}),
          })
          process.stdout.write(
            format === 'json'
              ? JSON.stringify(page, null, 2) + '\n'
              : [`${page.total} claims`, ...page.items.map(claimLine)].join('\n') + '\n',
          )
        }
      } finally {
        await store.close()
      }
    })
}

export function claimLine(c: ClaimClusterRecord): string {
  return `■ [${c.status}] ${clip(c.text, 100)}  [${c.id}]\n    ${c.claimant ?? 'unattributed'} · ${c.articleCount} article${c.articleCount === 1 ? '' : 's'}, ${c.independentSources} independent source${c.independentSources === 1 ? '' : 's'} · since ${c.firstSeen}`
}

function renderClaim(c: ClaimClusterDetail): string {
  const lines = [claimLine(c), `  sources: ${c.origins.join(', ')}`, '  history']
  for (const h of c.history)
    lines.push(`    ${h.date}  ${h.status.padEnd(12)} ${h.reason}  (${h.articleId})`)
  lines.push(`  reports (${c.members.length})`)
  for (const m of c.members) {
    const via = m.via.length ? ` via ${m.via.join(' → ')}` : ''
    lines.push(
      `    ${m.published ?? '?'}  ${m.outlet ?? m.articleId}: ${m.claimant ?? '?'}${via} ${m.stance}: “${clip(m.text, 110)}”`,
    )
  }
  if (c.discrepancies.length) {
    lines.push(`  discrepancies (${c.discrepancies.length})`)
    for (const d of c.discrepancies) lines.push(`    ${discrepancyLine(d)}`)
  }
  return lines.join('\n') + '\n'
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}
