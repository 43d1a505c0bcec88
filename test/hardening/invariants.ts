import { expect } from 'vitest'
import type { Doc } from '../../src/core/record.js'

/** Every `{start, end}` object anywhere under `value`, with the path it was found at. */
export function collectSpans(
  value: unknown,
  path = '',
): { path: string; start: unknown; end: unknown }[] {
  const found: { path: string; start: unknown; end: unknown }[] = []
  const visit = (node: unknown, at: string): void => {
    if (node === null || typeof node !== 'object') return
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${at}[${i}]`))
      return
    }
    const record = node as Record<string, unknown>
    if ('start' in record && 'end' in record)
      found.push({ path: at, start: record.start, end: record.end })
    for (const [key, child] of Object.entries(record)) visit(child, `${at}.${key}`)
  }
  visit(value, path)
  return found
}

/** Offsets that break the record's contract: not integers, reversed, or outside doc.text. */
export function badSpans(doc: Doc): string[] {
  const spans = [...collectSpans(doc.layers, 'layers'), ...collectSpans(doc.messages, 'messages')]
  const length = doc.text.length
  return spans
    .filter(
      ({ start, end }) =>
        !Number.isInteger(start) ||
        !Number.isInteger(end) ||
        (start as number) < 0 ||
        (start as number) > (end as number) ||
        (end as number) > length,
    )
    .map(
      ({ path, start, end }) => `${path} [${String(start)}, ${String(end)}) in a text of ${length}`,
    )
}

/**
 * Messages saying a stage threw. The pipeline catches a stage's exception so one
 * article cannot sink a batch, and records it as ruleId "internal": on data,
 * that is the pipeline throwing, which is what these tests forbid.
 */
export function stageFailures(doc: Doc): string[] {
  return doc.messages.filter((m) => m.ruleId === 'internal').map((m) => `${m.stage}: ${m.reason}`)
}

/** The invariants every Doc must keep, whatever the input. */
export function expectSoundDoc(doc: Doc): void {
  expect(stageFailures(doc)).toEqual([])
  expect(badSpans(doc)).toEqual([])
  expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  const { norm, orig } = doc.offsets
  expect(norm.length).toBe(orig.length)
  for (let i = 1; i < norm.length; i++) {
    expect(norm[i] as number).toBeGreaterThan(norm[i - 1] as number)
    expect(orig[i] as number).toBeGreaterThan(orig[i - 1] as number)
  }
}
