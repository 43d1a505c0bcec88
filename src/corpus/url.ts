/**
 * Canonical URLs: the key that makes a changed article a new version of the old
 * one rather than a new article. Tracking parameters, fragments, `www.`, default
 * ports, trailing slashes and letter case of the host do not make a new page.
 */

const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|s_cid|ocid|at_\w+|_ga)$/i

export function canonicalUrl(url: string | null | undefined): string | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    // Not a URL (an id or a path): keep it as written, trimmed, so it still keys versions.
    return url.trim() || null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href
  const host = parsed.hostname.toLowerCase().replace(/^(www|m|amp)\./, '')
  const params = [...parsed.searchParams.entries()]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = params.length ? '?' + new URLSearchParams(params).toString() : ''
  let path = parsed.pathname.replace(/\/+$/, '').replace(/\/amp$/, '')
  if (path === '') path = '/'
  // http and https serve the same article: the scheme is not part of the key.
  return `${host}${path === '/' ? '' : path}${query}`
}

/** The host of a URL without `www.`, for an outlet name when the input gives none. */
export function urlHost(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '') || null
  } catch {
    return null
  }
}
