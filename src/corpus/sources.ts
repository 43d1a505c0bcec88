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

/** A wire dateline: "KYIV, June 2 (Dnipro Wire) —", "Oct 15 (Reuters) -". */
const DATELINE =
  /^(?:[A-Z][A-Za-z.' -]{1,40},\s*)?(?:[A-Z][a-z]{2,8}\.? \d{1,2}\s*)?\(([A-Z][^()\n]{1,40})\)\s*[—–-]/m

/** The agency of a dateline in the first lines of a text, or null. */
export function datelineAgency(text: string): string | null {
  const head = text.slice(0, 400)
  return DATELINE.exec(head)?.[1]?.trim() ?? null
}

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
 * lead relays ("…, citing UNIAN") or its dateline names ("KYIV (Reuters) —");
 * else the outlet (or the URL host, or the id).
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
  // A dateline naming an agency other than the outlet: the text is the agency's.
  const agency = datelineAgency(doc.text)
  if (agency && originKey(agency) !== outlet) return originKey(agency)
  // The title and lead: a whole report relayed from an agency says so up front.
  const cited = CITATION.exec(doc.text.slice(0, 600))?.[1]
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
