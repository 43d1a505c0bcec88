/**
 * Independent sources. Reports are collapsed by provenance before counting:
 * a reprint counts as its original; an article or claim relayed "citing UNIAN"
 * counts as UNIAN. An origin is a normalised name ("unian", "reuters").
 */
import type { Claim, Doc } from '../core/record.js'

/** Platforms carry a statement; they are not a source of it. */
const PLATFORMS = new Set([
  'telegram',
  'facebook',
  'twitter',
  'x',
  'instagram',
  'youtube',
  'tiktok',
  'vk',
  'vkontakte',
  'whatsapp',
  'truth social',
  'social media',
  'a statement',
  'statement',
])

/**
 * Wire services and agencies that outlets cite for whole reports. General
 * knowledge, not data from any corpus; an article citing one of these in its
 * first paragraph is counted as that agency.
 */
const AGENCIES = [
  'Reuters',
  'Associated Press',
  'AP',
  'AFP',
  'Agence France-Presse',
  'UNIAN',
  'Ukrinform',
  'Interfax-Ukraine',
  'Interfax',
  'TASS',
  'RIA Novosti',
  'RIA',
  'Xinhua',
  'Anadolu',
  'Anadolu Agency',
  'dpa',
  'EFE',
  'ANSA',
  'Kyodo',
  'Yonhap',
  'PTI',
  'Bloomberg',
  'BBC',
  'CNN',
  'Al Jazeera',
  'National News Agency',
  'SANA',
  'IRNA',
  'WAFA',
  'SUNA',
  'Ukrainska Pravda',
  'Kyiv Independent',
  'Meduza',
  'Suspilne',
]

const CITATION = new RegExp(
  `\\b(?:citing|according to|cited by|reported by|quoted by|told)\\s+(?:the\\s+)?(${AGENCIES.map(
    escape,
  ).join('|')})\\b`,
)

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The normalised key of a source name: case, diacritics, "the", punctuation folded. */
export function originKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function isPlatform(name: string): boolean {
  return PLATFORMS.has(originKey(name))
}

/**
 * The origin of an article: the original's origin for a reprint; the agency the
 * lead relays ("…, citing UNIAN"); else the outlet (or the URL host, or the id).
 */
export function articleOrigin(
  doc: Doc,
  options: { copyOrigin?: string | null; host?: string | null; articleId: string },
): string {
  if (options.copyOrigin) return options.copyOrigin
  const outlet = doc.source.outlet ? originKey(doc.source.outlet) : null
  const lead = leadClaim(doc.layers.claims ?? [])
  const relay = lead ? firstRelay(lead.via, outlet) : null
  if (relay) return relay
  const firstParagraph = doc.text.slice(0, Math.min(doc.text.length, 600)).split('\n')[0] ?? ''
  const cited = CITATION.exec(firstParagraph)?.[1]
  if (cited && originKey(cited) !== outlet) return originKey(cited)
  return outlet ?? options.host ?? `article:${options.articleId}`
}

/** The origin a claim counts as: its first relay when there is one, else the article's. */
export function claimOrigin(claim: Claim, articleOriginKey: string, outlet: string | null): string {
  return firstRelay(claim.via, outlet ? originKey(outlet) : null) ?? articleOriginKey
}

function firstRelay(via: readonly string[], outletKey: string | null): string | null {
  for (const name of via) {
    if (isPlatform(name)) continue
    const key = originKey(name)
    if (key && key !== outletKey) return key
  }
  return null
}

function leadClaim(claims: readonly Claim[]): Claim | null {
  let lead: Claim | null = null
  for (const claim of claims) if (!lead || claim.start < lead.start) lead = claim
  return lead
}

/** Distinct origins, sorted (the independence count is its length). */
export function distinctOrigins(origins: Iterable<string>): string[] {
  return [...new Set(origins)].sort()
}
