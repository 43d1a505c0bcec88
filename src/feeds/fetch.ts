import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { isPrivateAddress } from './address.js'

/** Limits of one feed fetch; every default is conservative. */
export interface FetchOptions {
  /** Reach loopback, private and link-local addresses (off: SSRF protection). */
  allowPrivate?: boolean
  /** Largest body accepted, in bytes. */
  maxBytes?: number
  /** Whole request, redirects included, in milliseconds. */
  timeoutMs?: number
  maxRedirects?: number
  userAgent?: string
}

/** What a previous fetch of the same feed said, for a conditional GET. */
export interface Validators {
  etag?: string | null
  lastModified?: string | null
}

export type FetchResult =
  | { status: 'fetched'; url: string; body: string; validators: Validators }
  | { status: 'not-modified'; url: string }

export type FeedFetchCode =
  | 'E_FEED_PRIVATE_ADDRESS'
  | 'E_FEED_SCHEME'
  | 'E_FEED_TOO_LARGE'
  | 'E_FEED_TIMEOUT'
  | 'E_FEED_REDIRECTS'
  | 'E_FEED_HTTP'
  | 'E_FEED_NETWORK'

/** A fetch that failed, with a code the watcher reports on one line. */
export class FeedFetchError extends Error {
  constructor(
    readonly code: FeedFetchCode,
    message: string,
  ) {
    super(message)
    this.name = 'FeedFetchError'
  }
}

export const FETCH_DEFAULTS = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
  userAgent: 'sitrep-watch/0.1 (+https://github.com/sitrep)',
}

/**
 * GET a feed with conditional headers, following at most `maxRedirects`
 * redirects by hand. The address check sits in the socket's DNS lookup, so it
 * judges the IP actually connected to on every hop (no DNS-rebinding gap
 * between a check and the connect); IP literals, which skip lookup, are
 * checked before connecting.
 */
export async function fetchFeed(
  url: string,
  validators: Validators = {},
  options: FetchOptions = {},
): Promise<FetchResult> {
  const limits = { ...FETCH_DEFAULTS, ...options }
  const deadline = Date.now() + limits.timeoutMs
  let current = url
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const response = await request(current, validators, limits, deadline)
    if (response.redirect) {
      current = new URL(response.redirect, current).toString()
      continue
    }
    if (response.status === 304) return { status: 'not-modified', url: current }
    return {
      status: 'fetched',
      url: current,
      body: response.body,
      validators: { etag: response.etag, lastModified: response.lastModified },
    }
  }
  throw new FeedFetchError('E_FEED_REDIRECTS', `${url}: more than ${limits.maxRedirects} redirects`)
}

interface RawResponse {
  status: number
  redirect: string | null
  body: string
  etag: string | null
  lastModified: string | null
}

function request(
  url: string,
  validators: Validators,
  limits: typeof FETCH_DEFAULTS & FetchOptions,
  deadline: number,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let target: URL
    try {
      target = new URL(url)
    } catch {
      reject(new FeedFetchError('E_FEED_SCHEME', `${url}: not a URL`))
      return
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      reject(new FeedFetchError('E_FEED_SCHEME', `${url}: only http and https feeds are fetched`))
      return
    }
    const host = target.hostname.replace(/^\[|\]$/g, '')
    if (isIP(host) && !limits.allowPrivate && isPrivateAddress(host)) {
      reject(refusal(url, host))
      return
    }
    const remaining = deadline - Date.now()
    if (remaining <= 0) {
      reject(new FeedFetchError('E_FEED_TIMEOUT', `${url}: timed out`))
      return
    }
    const headers: Record<string, string> = {
      'user-agent': limits.userAgent,
      accept:
        'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1',
    }
    if (validators.etag) headers['if-none-match'] = validators.etag
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
    const client = target.protocol === 'https:' ? https : http
    const req = client.get(
      target,
      { headers, lookup: guardedLookup(url, limits.allowPrivate ?? false), timeout: remaining },
      (res) => {
        const status = res.statusCode ?? 0
        const location = res.headers.location
        if (status >= 300 && status < 400 && status !== 304 && location) {
          res.resume()
          resolve({ status, redirect: location, body: '', etag: null, lastModified: null })
          return
        }
        if (status !== 304 && (status < 200 || status >= 300)) {
          res.resume()
          reject(new FeedFetchError('E_FEED_HTTP', `${url}: HTTP ${status}`))
          return
        }
        const declared = Number(res.headers['content-length'] ?? 0)
        if (declared > limits.maxBytes) {
          req.destroy()
          reject(tooLarge(url, limits.maxBytes))
          return
        }
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > limits.maxBytes) {
            req.destroy()
            reject(tooLarge(url, limits.maxBytes))
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () =>
          resolve({
            status,
            redirect: null,
            body: Buffer.concat(chunks).toString('utf8'),
            etag: header(res.headers.etag),
            lastModified: header(res.headers['last-modified']),
          }),
        )
        res.on('error', (error) => reject(network(url, error)))
      },
    )
    const timer = setTimeout(() => {
      req.destroy()
      reject(new FeedFetchError('E_FEED_TIMEOUT', `${url}: timed out`))
    }, remaining)
    req.on('timeout', () => {
      req.destroy()
      reject(new FeedFetchError('E_FEED_TIMEOUT', `${url}: timed out`))
    })
    req.on('error', (error) =>
      reject(error instanceof FeedFetchError ? error : network(url, error)),
    )
    req.on('close', () => clearTimeout(timer))
  })
}

/** DNS lookup that refuses private answers: runs for every connection, so for every hop. */
function guardedLookup(url: string, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 0)
        return
      }
      const list = addresses as LookupAddress[]
      const bad = list.find((a) => !allowPrivate && isPrivateAddress(a.address))
      if (bad) {
        callback(refusal(url, bad.address) as NodeJS.ErrnoException, '', 0)
        return
      }
      if (options.all) callback(null, list)
      else {
        const first = list[0] as LookupAddress
        callback(null, first.address, first.family)
      }
    })
  }
}

function refusal(url: string, address: string): FeedFetchError {
  return new FeedFetchError(
    'E_FEED_PRIVATE_ADDRESS',
    `${url}: refused to connect to ${address}, a loopback, private or link-local address (use --allow-private to permit)`,
  )
}

function tooLarge(url: string, limit: number): FeedFetchError {
  return new FeedFetchError('E_FEED_TOO_LARGE', `${url}: body over the ${limit}-byte limit`)
}

function network(url: string, error: Error): FeedFetchError {
  return new FeedFetchError('E_FEED_NETWORK', `${url}: ${error.message}`)
}

function header(value: string | string[] | undefined): string | null {
  if (value === undefined) return null
  return Array.isArray(value) ? (value[0] ?? null) : value
}
