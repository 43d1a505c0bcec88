import { readFileSync } from 'node:fs'
import { parseLexicon } from '../lexicons.js'

/**
 * Name keys: the forms under which the gazetteer files every name, so that spelling
 * variants meet. Three levels, from strict to loose:
 *  - `nameKey`: case, diacritics, apostrophes, dots and dashes folded ("Kam’ianske" = "Kamianske",
 *    "U.S." = "US", "Ust-Luga" = "Ust Luga").
 *  - romanisation: a Cyrillic name is filed under its Ukrainian (2010) and Russian (BGN/PCGN)
 *    romanisations, so "Білогорівка" meets "Bilohorivka" and "Белогоровка" meets "Belogorovka".
 *  - `skeletonKey`: a consonant skeleton that folds the differences between those two systems
 *    (h/g, i/y/e/o, kh/h, doubled letters), so "Bilohorivka" meets "Belogorovka" even when the
 *    gazetteer holds only one of them. Loose on purpose: matches through it are scored low.
 */

const APOSTROPHES = /['’ʼ`´ʻ‘]/g
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g')

/** The strict key: lowercase ASCII-folded letters and digits, single spaces. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(APOSTROPHES, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const CYRILLIC = /[\u0400-\u04ff]/
const LATIN_LETTER = /\p{Script=Latin}/u

export function hasCyrillic(name: string): boolean {
  return CYRILLIC.test(name)
}

/** Whether a name is written in Latin script (digits and punctuation allowed). */
export function isLatin(name: string): boolean {
  return LATIN_LETTER.test(name) && !/[^\p{Script=Latin}\p{M}\p{N}\p{P}\p{Zs}]/u.test(name)
}

/** Ordered digraph folds, then single letters; vowels go last. */
const SKELETON_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/shch|sch/g, 's'],
  [/zh/g, 'z'],
  [/kh/g, 'h'],
  [/ch|tsch|tch/g, 'c'],
  [/sh/g, 's'],
  [/ts|tz/g, 'c'],
  [/ph/g, 'f'],
  [/ck|q/g, 'k'],
  [/x/g, 'ks'],
  [/g/g, 'h'],
  [/w/g, 'v'],
  [/[aeiouyj ]/g, ''],
]

/** Consonant skeleton of a key; '' when too short to be useful (collisions). */
export function skeletonKey(key: string): string {
  // An initial vowel is kept as one mark: romanisations differ in it ("Yenakiieve",
  // "Enakievo") but never drop it, and without it "Etobicoke" met "Tobechik".
  const initial = /^(?:[jy]?[aeiou]|y)/.test(key) ? 'V' : ''
  let s = key
  for (const [re, to] of SKELETON_FOLDS) s = s.replace(re, to)
  s = s.replace(/(.)\1+/g, '$1')
  return s.length >= 4 ? initial + s : ''
}

// ------------------------------------------------------------------ romanisation

export interface TranslitTable {
  uk: Map<string, { plain: string; initial: string }>
  ru: Map<string, { plain: string; initial: string }>
}

export const TRANSLIT_FILE = new URL('./data/translit.tsv', import.meta.url)

export function parseTranslit(source: string): TranslitTable {
  const table: TranslitTable = { uk: new Map(), ru: new Map() }
  for (const row of parseLexicon('translit', source)) {
    const letter = row.cyr ?? ''
    for (const lang of ['uk', 'ru'] as const) {
      const plain = row[lang] ?? ''
      if (plain === '') continue
      const initial = row[`${lang}_initial`] || plain
      table[lang].set(letter, {
        plain: plain === '-' ? '' : plain,
        initial: initial === '-' ? '' : initial,
      })
    }
  }
  return table
}

let defaultTable: TranslitTable | null = null
export function loadTranslit(): TranslitTable {
  defaultTable ??= parseTranslit(readFileSync(TRANSLIT_FILE, 'utf8'))
  return defaultTable
}

const RU_VOWELS = new Set('аеёиоуыэюяъь')

/**
 * Romanises a Cyrillic name in one system; null when the name uses a letter the
 * language lacks (a name with "і" is not Russian, one with "ы" is not Ukrainian).
 */
export function romanize(name: string, lang: 'uk' | 'ru', table = loadTranslit()): string | null {
  const map = table[lang]
  let out = ''
  let previous = ''
  for (const raw of name) {
    const lower = raw.toLowerCase()
    if (!CYRILLIC.test(lower) && lower !== "'" && lower !== '’' && lower !== 'ʼ') {
      out += lower
      previous = ''
      continue
    }
    const apostrophe = lower === '’' || lower === 'ʼ' ? "'" : lower
    const entry = map.get(apostrophe)
    if (!entry) {
      if (apostrophe === "'") continue
      return null
    }
    const wordStart = previous === ''
    const afterVowel = lang === 'ru' && RU_VOWELS.has(previous)
    let letters = wordStart || afterVowel ? entry.initial : entry.plain
    // Ukrainian зг is written "zgh" so it is not read as ж.
    if (lang === 'uk' && apostrophe === 'г' && previous === 'з') letters = 'gh'
    out += letters
    previous = apostrophe
  }
  return out
}

/** Every key a name is filed under: its strict key, and for Cyrillic its romanisations. */
export function keysOf(name: string, table?: TranslitTable): { key: string; translit: boolean }[] {
  if (!hasCyrillic(name)) {
    const key = nameKey(name)
    return key ? [{ key, translit: false }] : []
  }
  const keys = new Set<string>()
  for (const lang of ['uk', 'ru'] as const) {
    const latin = romanize(name, lang, table)
    if (latin) keys.add(nameKey(latin))
  }
  return [...keys].filter(Boolean).map((key) => ({ key, translit: true }))
}
