import type { getLIDModel } from 'fasttext.wasm.js'

type LidModel = Awaited<ReturnType<typeof getLIDModel>>
let loading: Promise<LidModel> | undefined

/**
 * ISO 639-1 language of a text. Plainly English text is recognised by a cheap
 * check (`looksEnglish`); anything else goes to fastText's shipped lid.176 model,
 * loaded once, lazily (its wasm and model cost about 150 ms at start, most of a
 * one-article run). Returns null when it cannot tell.
 */
export async function detectLanguage(text: string): Promise<string | null> {
  if (looksEnglish(text)) return 'en'
  loading ??= (async () => {
    const { getLIDModel } = await import('fasttext.wasm.js')
    const model = await getLIDModel()
    await model.load()
    return model
  })()
  const model = await loading
  // fastText reads one line; the first few thousand characters are plenty.
  const sample = text.slice(0, 4000).replace(/\s+/g, ' ')
  if (sample.trim().length < 3) return null
  const result = await model.identify(sample)
  return result.possibility >= 0.5 ? result.alpha2 : null
}

// Function words that are English and rarely words of another Latin-script language
// ("in", "an", "was", "die" are left out: German, Dutch and others use them).
const ENGLISH_WORDS = new Set([
  'the',
  'of',
  'and',
  'to',
  'that',
  'for',
  'with',
  'said',
  'from',
  'have',
  'has',
  'were',
  'they',
  'their',
  'this',
  'which',
  'would',
  'been',
  'is',
  'it',
  'by',
  'are',
  'his',
  'he',
  'she',
  'who',
  'not',
  'but',
])
const ENGLISH_CORE = new Set(['the', 'of', 'and', 'to'])

/**
 * A conservative test for English: at least 25 words of Latin script with next to no
 * letters outside ASCII, "the", "of", "and", "to" frequent, and English function words a
 * large share of the words. False negatives only cost the fastText load; it is tuned so
 * that text in another language does not pass (measured in the report).
 */
export function looksEnglish(text: string): boolean {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text
  let letters = 0
  let foreign = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++
    else if (c >= 0xc0 && c !== 0x2019 && c !== 0x2018 && c !== 0x201c && c !== 0x201d) {
      // Non-ASCII letters (and other symbols above Latin-1 punctuation) count against.
      if (c < 0x2000 || c > 0x206f) foreign++
    }
  }
  if (letters < 120 || foreign > letters * 0.02) return false
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? []
  if (words.length < 25) return false
  let english = 0
  let core = 0
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english++
    if (ENGLISH_CORE.has(word)) core++
  }
  return english >= words.length * 0.15 && core >= words.length * 0.06
}
