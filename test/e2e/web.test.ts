/**
 * The web app in Debian's Chromium (playwright-core): the map, the timeline
 * filter, a story, an article's highlights, and a speaker correction with its
 * history. Screenshots go to test-output/e2e/; with SITREP_README_IMAGES=1 the two
 * README images are rewritten in docs/img/ (off by default: tests leave the tree clean).
 * Skips, saying why, where /usr/bin/chromium is not installed (CI installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startExampleServer } from './example-server.js'

const CHROMIUM = process.env.SITREP_TEST_CHROMIUM ?? '/usr/bin/chromium'
const SHOTS = 'test-output/e2e'
const README_IMAGES = process.env.SITREP_README_IMAGES === '1' ? 'docs/img' : null
const available = existsSync(CHROMIUM)
if (!available) {
  console.warn(
    `e2e: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set SITREP_TEST_CHROMIUM)`,
  )
}

describe.skipIf(!available)('web app in Chromium', () => {
  let server: Awaited<ReturnType<typeof startExampleServer>>
  let context: BrowserContext
  let page: Page
  let profile: string
  const offsite: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    if (README_IMAGES) mkdirSync(README_IMAGES, { recursive: true })
    server = await startExampleServer(0)
    profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'))
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    // The app must work offline: anything not served by sitrep itself is refused and recorded.
    const origin = new URL(server.url).origin
    await context.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue()
      offsite.push(url)
      return route.abort()
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (error) => pageErrors.push(error.message))
  })

  afterAll(async () => {
    await context?.close()
    await server?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('shows the events on the map, over country shapes, with no request leaving the host', async () => {
    await page.goto(`${server.url}/#/map`)
    await page.locator('#map-status').filter({ hasText: 'Showing 8 of 8 events' }).waitFor()
    await expect.poll(() => page.locator('path.event-marker').count()).toBe(8)
    // Country shapes drawn as the backdrop (no tiles).
    expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(150)
    expect(await page.locator('.leaflet-tile').count()).toBe(0)
    expect(await page.locator('#event-list li').count()).toBe(8)
    // Approximate places (precision 2 and 3: North Darfur, Hodeidah, Yemen) get a dashed radius;
    // the Zamzam shelling is placed at El Fasher, the most precise of its places.
    expect(await page.locator('.leaflet-overlay-pane path[stroke-dasharray]').count()).toBe(3)
    await page.screenshot({ path: `${SHOTS}/map.png` })
    if (README_IMAGES) await page.screenshot({ path: `${README_IMAGES}/map.png` })
    expect(offsite).toEqual([])
  })

  it('filters the map by time', async () => {
    await page.fill('#time-from', '2025-05-01')
    await page.dispatchEvent('#time-from', 'change')
    await page.fill('#time-to', '2025-06-30')
    await page.dispatchEvent('#time-to', 'change')
    await page.locator('#map-status').filter({ hasText: 'Showing 4 of 8 events' }).waitFor()
    await expect.poll(() => page.locator('path.event-marker').count()).toBe(4)
    const listed = await page
      .locator('#event-list li')
      .evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.eventId))
    expect(listed.sort()).toEqual([
      'kherson-ferry-strike-wire:0',
      'kherson-ferry-strike:0',
      'tbilisi-rally:0',
      'tbilisi-rally:1',
    ])
    await page.screenshot({ path: `${SHOTS}/map-filtered.png` })
    // The keyboard way: the end slider moved back by arrow keys narrows the range further.
    await page.click('#time-reset')
    await page.locator('#map-status').filter({ hasText: 'Showing 8 of 8 events' }).waitFor()
    await page.focus('#to-slider')
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft')
    await page.locator('#map-status').filter({ hasText: 'to 2025-05-12' }).waitFor()
    expect(Number(await page.locator('main').getAttribute('data-shown'))).toBe(6)
  })

  it('opens a story with the reports side by side and the disagreeing figures marked', async () => {
    await page.click('#time-reset')
    await page.locator('[data-event-id="kherson-ferry-strike:0"] a', { hasText: 'story' }).click()
    await page.locator('h1', { hasText: 'ASSAULT · Kherson · 2025-06-01' }).waitFor()
    expect(await page.locator('.report').count()).toBe(2)
    expect(await page.locator('nav [aria-current=page]').textContent()).toBe('Stories')
    const disagreeing = await page.locator('.report .disagree').allTextContents()
    expect(disagreeing.map((t) => t.replace(/\s*\(disputed.*$/, '')).sort()).toEqual([
      '3',
      '4',
      '7',
      '8',
    ])
    await expect
      .poll(() => page.locator('.discrepancies li').allTextContents())
      .toContain('killed: 3 (Kherson Daily) vs 4 (Dnipro Wire)')
    await page.screenshot({ path: `${SHOTS}/story.png`, fullPage: true })
  })

  it('opens an article with its fields highlighted, and says why on hover', async () => {
    await page
      .locator('.report a', { hasText: 'Russian drone strike on Kherson ferry crossing' })
      .click()
    await page.locator('#article-text').waitFor()
    for (const layer of ['quote', 'entity', 'place', 'claim', 'event', 'date']) {
      expect(await page.locator(`#article-text mark.l-${layer}`).count(), layer).toBeGreaterThan(0)
    }
    await page.locator('mark.l-quote', { hasText: 'We heard it buzzing' }).first().hover()
    const why = page.locator('#inspector')
    await why.filter({ hasText: 'direct quote by Andrii Velychko' }).waitFor()
    expect(await why.textContent()).toContain('rule hand/quotes')
    await page.locator('mark.l-event', { hasText: 'killing three civilians' }).first().hover()
    await why.filter({ hasText: 'event ASSAULT' }).waitFor()
    expect(await why.textContent()).toContain('3 killed, 7 injured')
    await page.screenshot({ path: `${SHOTS}/article.png` })
    if (README_IMAGES) await page.screenshot({ path: `${README_IMAGES}/article.png` })
    // Keyboard: a highlight takes focus and the inspector follows it.
    await page.locator('mark.l-place', { hasText: 'Korabel' }).focus()
    await why.filter({ hasText: 'Korabel, UA' }).waitFor()
  })

  it('corrects a speaker with a token and shows the correction and its history', async () => {
    expect(
      await page.locator('[data-quote="1"] button', { hasText: 'Correct speaker' }).count(),
    ).toBe(0)
    await page.click('#token-button')
    await page.fill('#token-input', 'sitrep_wrong')
    await page.click('#token-form button[type=submit]')
    await page.locator('#token-error').filter({ hasText: 'not valid' }).waitFor()
    await page.fill('#token-input', server.token)
    await page.click('#token-form button[type=submit]')
    await page.locator('#token-button', { hasText: 'desk-editor (editor)' }).waitFor()

    const quote = page.locator('[data-quote="1"]')
    await quote.locator('button', { hasText: 'Correct speaker' }).click()
    await quote.locator('input[name=speaker]').fill('Oksana Hrytsenko')
    await quote.locator('input[name=note]').fill('she said it: the ferry operator')
    await quote.locator('button[type=submit]').click()

    const corrected = page.locator('[data-quote="1"]')
    await corrected.locator('.speaker-name', { hasText: 'Oksana Hrytsenko' }).waitFor()
    expect(await corrected.locator('.badge').textContent()).toBe('corrected')
    const history = page.locator('#history')
    expect(await history.locator('h2').textContent()).toBe('Review history (1)')
    const entry = await history.locator('li.correction').textContent()
    expect(entry).toContain('Andrii Velychko → Oksana Hrytsenko')
    expect(entry).toContain('by desk-editor (editor)')
    expect(entry).toContain('she said it: the ferry operator')
    // The other quote keeps its speaker.
    expect(await page.locator('[data-quote="0"] .speaker-name').textContent()).toBe(
      'Andrii Velychko',
    )
    await page.locator('mark.l-quote', { hasText: 'We heard it buzzing' }).first().hover()
    await page
      .locator('#inspector')
      .filter({ hasText: 'direct quote by Oksana Hrytsenko' })
      .waitFor()
    await page.screenshot({ path: `${SHOTS}/article-corrected.png`, fullPage: true })

    // A place too: the district's name, moved by its coordinates.
    const place = page.locator('[data-place="1"]')
    await place.locator('button', { hasText: 'Correct place' }).click()
    await place.locator('input[name=name]').fill('Korabel (Kherson)')
    await place.locator('input[name=lat]').fill('46.615')
    await place.locator('button[type=submit]').click()
    await page.locator('[data-place="1"] strong', { hasText: 'Korabel (Kherson)' }).waitFor()
    expect(await page.locator('#history h2').textContent()).toBe('Review history (2)')

    const api = await page.evaluate(async () =>
      (await fetch('/api/review/corrections?articleId=kherson-ferry-strike')).json(),
    )
    expect(api.items.slice(0, 1)).toMatchObject([
      { kind: 'speaker', before: 'Andrii Velychko', after: 'Oksana Hrytsenko', by: 'desk-editor' },
    ])
  })

  it('searches with facets and opens an entity page', async () => {
    await page.fill('#quick-q', 'drone')
    await page.press('#quick-q', 'Enter')
    await page.locator('#result-count').filter({ hasText: '2 articles' }).waitFor()
    await page.locator('.facet button', { hasText: 'UA' }).click()
    await page.locator('#result-count').filter({ hasText: '2 articles' }).waitFor()
    expect(await page.inputValue('#s-country')).toBe('UA')
    await page.selectOption('#s-type', 'PROTEST')
    await page.click('.search-form button[type=submit]')
    await page.locator('#result-count').filter({ hasText: '0 articles' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/search.png` })
    await page.goto(`${server.url}/#/entities`)
    await page.locator('td a', { hasText: 'Andrii Velychko' }).click()
    await page.locator('h1', { hasText: 'Andrii Velychko' }).waitFor()
    // After the correction he keeps one quote (the other was Oksana Hrytsenko's).
    await page.locator('h2', { hasText: 'Quotes (1)' }).waitFor()
    expect(await page.locator('main').textContent()).toContain('Articles (2)')
  })

  it('shows the claim board and is usable at phone width', async () => {
    await page.goto(`${server.url}/#/claims`)
    await page.locator('.board .card').first().waitFor()
    expect(await page.locator('.column').count()).toBe(6)
    await page.screenshot({ path: `${SHOTS}/claims.png` })
    await page.setViewportSize({ width: 390, height: 844 })
    for (const route of ['#/map', '#/article/kherson-ferry-strike', '#/claims']) {
      await page.goto(`${server.url}/${route}`)
      await page.locator('main h1').waitFor()
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      )
      expect(overflow, route).toBeLessThanOrEqual(1)
    }
    await page.goto(`${server.url}/#/map`)
    await page.locator('#map-status').filter({ hasText: 'Showing' }).waitFor()
    await page.screenshot({ path: `${SHOTS}/map-phone.png` })
    await page.setViewportSize({ width: 1280, height: 800 })
    expect(pageErrors).toEqual([])
    expect(offsite).toEqual([])
  })
})
