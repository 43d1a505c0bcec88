import type { Doc } from '../core/record.js'

/** A readable terminal summary of one record: what a user wants at a glance. */
export function summarize(doc: Doc): string {
  const { layers, source } = doc
  const lines: string[] = []
  const head = [source.outlet, source.published, source.language].filter(Boolean).join(' · ')
  lines.push(`■ ${source.title ?? doc.id}${head ? `  (${head})` : ''}`)
  const words = layers.tokens?.filter((t) => t.kind === 'word').length
  lines.push(
    `  ${doc.text.length} chars` +
      (words !== undefined ? `, ${words} words, ${layers.sentences?.length ?? 0} sentences` : ''),
  )
  const entityName = new Map((layers.entities ?? []).map((e) => [e.id, e.name]))
  if (layers.entities) {
    lines.push(`  Entities (${layers.entities.length})`)
    for (const e of layers.entities.slice(0, 30)) {
      lines.push(`    ${e.type.padEnd(6)} ${e.name}${e.role ? ` — ${e.role}` : ''}`)
    }
  }
  if (layers.places) {
    lines.push(`  Places (${layers.places.length})`)
    for (const p of layers.places) {
      const where = [p.admin1, p.country].filter(Boolean).join(', ')
      const at =
        p.lat !== null && p.lon !== null ? ` @ ${p.lat.toFixed(3)},${p.lon.toFixed(3)}` : ''
      lines.push(
        `    ${p.mention}${p.use === 'metonym' ? ' (metonym)' : ''} → ${p.name}${where ? `, ${where}` : ''}${at}`,
      )
    }
  }
  if (layers.quotes) {
    lines.push(`  Quotes (${layers.quotes.length})`)
    for (const q of layers.quotes) {
      const content = q.spans.map((s) => doc.text.slice(s.start, s.end)).join(' … ')
      lines.push(
        `    [${q.kind}] ${q.speakerName ?? '?'}${q.via.length ? ` via ${q.via.join(' → ')}` : ''}: “${clip(content, 110)}”`,
      )
    }
  }
  if (layers.claims) {
    lines.push(`  Claims (${layers.claims.length})`)
    for (const c of layers.claims) {
      lines.push(
        `    ${c.stance.padEnd(7)} ${c.claimant ?? 'outlet'}: ${clip(doc.text.slice(c.start, c.end), 110)}`,
      )
    }
  }
  if (layers.events) {
    lines.push(`  Events (${layers.events.length})`)
    for (const e of layers.events) {
      const places = e.places
        .map((i) => layers.places?.[i]?.mention)
        .filter(Boolean)
        .join(', ')
      const counts = Object.entries(e.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')
      const actors = e.actors
        .map((a) => (a.entity ? (entityName.get(a.entity) ?? a.name) : a.name))
        .join(' / ')
      lines.push(
        `    ${e.type}${e.mode ? `/${e.mode}` : ''}${e.status !== 'happened' ? ` (${e.status})` : ''} ${e.date ?? ''}` +
          `${places ? ` @ ${places}` : ''}${actors ? ` — ${actors}` : ''}${counts ? ` [${counts}]` : ''}`,
      )
    }
  }
  const problems = doc.messages.filter((m) => m.level !== 'info')
  if (problems.length) {
    lines.push(`  Messages (${problems.length})`)
    for (const m of problems.slice(0, 10))
      lines.push(`    ${m.level}: ${m.stage}/${m.ruleId}: ${m.reason}`)
  }
  return lines.join('\n')
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}
