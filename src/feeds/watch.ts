import type { Article } from '../ingest/article.js'
import { feedToArticles } from '../ingest/feed.js'
import { fetchFeed, FeedFetchError, type FetchOptions, type Validators } from './fetch.js'

/** One feed to poll: its URL and how often, in seconds. */
export interface FeedSpec {
  url: string
  intervalS: number
}

/** What the watcher remembers of a feed between polls. */
export interface FeedState {
  validators: Validators
  /** Item ids already handed to the sink, so an item is passed on once. */
  seen: Set<string>
  nextAt: number
}

export interface WatchOptions extends FetchOptions {
  /** Default interval when the feeds file gives none, in seconds. */
  intervalS?: number
  /** Least time between two requests to the same host, in milliseconds. */
  perHostMs?: number
  /** Clock and sleep, for tests. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** Receives new articles; the CLI prints them or stores them. */
export type Sink = (articles: Article[], feed: FeedSpec) => Promise<void> | void
export type ErrorSink = (feed: FeedSpec, error: Error & { code?: string }) => void

export const WATCH_DEFAULTS = { intervalS: 900, perHostMs: 2_000, minIntervalS: 30 }

/**
 * Parse a feeds file: one URL a line, optionally followed by an interval in
 * seconds ("https://x.example/rss 600"); `#` starts a comment. Intervals under
 * a floor are raised to it: polling a site every second is abuse.
 */
export function parseFeedsFile(
  source: string,
  defaultIntervalS = WATCH_DEFAULTS.intervalS,
): FeedSpec[] {
  const feeds: FeedSpec[] = []
  for (const raw of source.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim()
    if (line === '') continue
    const [url = '', interval] = line.split(/\s+/)
    const seconds = interval === undefined ? defaultIntervalS : Number(interval)
    feeds.push({
      url,
      intervalS: Number.isFinite(seconds)
        ? Math.max(WATCH_DEFAULTS.minIntervalS, seconds)
        : defaultIntervalS,
    })
  }
  return feeds
}

/**
 * Polls feeds: each when its interval is due, at most one request per host
 * every `perHostMs`, conditional GET with the validators of the last answer.
 * New items go to the sink; a failing feed is reported and retried at its next
 * turn, never stopping the others.
 */
export class FeedWatcher {
  readonly states = new Map<string, FeedState>()
  private readonly hostFreeAt = new Map<string, number>()
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>

  constructor(
    readonly feeds: FeedSpec[],
    private readonly sink: Sink,
    private readonly onError: ErrorSink,
    private readonly options: WatchOptions = {},
  ) {
    this.now = options.now ?? Date.now
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
    for (const feed of feeds) {
      this.states.set(feed.url, { validators: {}, seen: new Set(), nextAt: 0 })
    }
  }

  /** Polls every feed that is due now; returns how many new articles went to the sink. */
  async pollDue(): Promise<number> {
    let added = 0
    for (const feed of this.feeds) {
      const state = this.states.get(feed.url) as FeedState
      if (state.nextAt > this.now()) continue
      state.nextAt = this.now() + feed.intervalS * 1000
      added += await this.pollFeed(feed, state)
    }
    return added
  }

  /** Runs until the signal aborts, sleeping until the next feed is due. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await this.pollDue()
      const next = Math.min(...[...this.states.values()].map((s) => s.nextAt))
      const wait = Math.max(1_000, next - this.now())
      await Promise.race([
        this.sleep(wait),
        new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })),
      ])
    }
  }

  private async pollFeed(feed: FeedSpec, state: FeedState): Promise<number> {
    await this.waitForHost(feed.url)
    try {
      const result = await fetchFeed(feed.url, state.validators, this.options)
      if (result.status === 'not-modified') return 0
      state.validators = result.validators
      const fresh = feedToArticles(result.body, feed.url).filter((article) => {
        const key = article.id ?? article.url ?? article.text.slice(0, 200)
        if (state.seen.has(key)) return false
        state.seen.add(key)
        return true
      })
      if (fresh.length > 0) await this.sink(fresh, feed)
      return fresh.length
    } catch (error) {
      if (error instanceof Error && (error instanceof FeedFetchError || 'code' in error)) {
        this.onError(feed, error as Error & { code?: string })
        return 0
      }
      throw error
    }
  }

  /** Per-host rate limit: one request to a host every `perHostMs`. */
  private async waitForHost(url: string): Promise<void> {
    let host = url
    try {
      host = new URL(url).host
    } catch {
      // fetchFeed reports the bad URL
    }
    const perHost = this.options.perHostMs ?? WATCH_DEFAULTS.perHostMs
    const freeAt = this.hostFreeAt.get(host) ?? 0
    const wait = freeAt - this.now()
    if (wait > 0) await this.sleep(wait)
    this.hostFreeAt.set(host, Math.max(this.now(), freeAt) + perHost)
  }
}
