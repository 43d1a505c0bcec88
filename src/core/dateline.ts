/**
 * The dashes that close a wire dateline: "KYIV, April 8 (Reuters) — …", "KHARTOUM – …",
 * "WASHINGTON ― …" (the horizontal bar some sites print). One list for every stage that
 * looks for a dateline (entities, places, quotes, events), so that a new dash is learnt
 * everywhere at once. A hyphen counts too, but only with a space on each side, and two
 * hyphens ("--") stand for a dash; those two are checked where the text is read.
 */
export const DATELINE_DASH_CHARS = '—–―'

/** Whether a token is a dash that may close a dateline (not the spaced-hyphen case). */
export function isDatelineDash(value: string): boolean {
  return (value.length === 1 && DATELINE_DASH_CHARS.includes(value)) || value === '--'
}
