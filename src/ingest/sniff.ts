import { sitrepError } from '../core/errors.js'

/** Input formats sitrep reads. */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'feed'

/** Default limit for one input document (a file, or one JSON Lines line). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024

/**
 * Decode bytes as UTF-8, refusing what is not text. `where` names the input in
 * the error ("file.txt", "batch.jsonl:12").
 */
export function decodeText(bytes: Uint8Array, where: string, maxBytes = DEFAULT_MAX_BYTES): string {
  if (bytes.length > maxBytes) {
    throw sitrepError('E_INPUT_TOO_LARGE', { path: where, size: bytes.length, limit: maxBytes })
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) throw sitrepError('E_INPUT_BINARY', { path: where, offset: nul })
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw sitrepError('E_INPUT_BINARY', { path: where, offset: firstInvalidUtf8(bytes) })
  }
  if (text.trim() === '') throw sitrepError('E_INPUT_EMPTY', { path: where })
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search for the shortest prefix that fails to decode.
  let lo = 0
  let hi = bytes.length
  const decoder = new TextDecoder('utf-8', { fatal: true })
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true })
      lo = mid + 1
    } catch {
      hi = mid
    }
  }
  return lo
}

/** Decide the format from the file name, then from the first characters. */
export function sniffFormat(name: string, head: string): InputFormat {
  const lower = name.toLowerCase()
  if (/\.(jsonl|ndjson)$/.test(lower)) return 'jsonl'
  if (/\.(html?|xhtml)$/.test(lower)) return 'html'
  if (/\.(rss|atom|xml)$/.test(lower)) return 'feed'
  const start = head.trimStart().slice(0, 512).toLowerCase()
  if (start.startsWith('<?xml') || start.startsWith('<rss') || start.startsWith('<feed')) {
    return /<(html|body)[\s>]/.test(start) ? 'html' : 'feed'
  }
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    /^<(head|body|article|div|p)[\s>]/.test(start)
  ) {
    return 'html'
  }
  if (start.startsWith('{') && !lower.endsWith('.txt')) return 'jsonl'
  return 'text'
}
