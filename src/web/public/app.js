/* global document, window, location, URLSearchParams */
// (browser globals: this folder runs in the browser, not in Node)
// The shell: a hash router (#/map, #/article/ID, …), the token dialog and the nav.
import { get, session, setToken, token } from './api.js'
import { clear, errorBox, h } from './dom.js'
import { showArticle, showArticles } from './article-view.js'
import { showClaim, showClaims } from './claims-view.js'
import { showEntities, showEntity } from './entity-view.js'
import { showMap } from './map-view.js'
import { showSearch } from './search-view.js'
import { showStories, showStory } from './story-view.js'

const ROUTES = [
  [/^\/?$/, () => showMap],
  [/^\/map$/, () => showMap],
  [/^\/stories$/, () => showStories],
  [/^\/story\/(.+)$/, () => showStory],
  [/^\/claims$/, () => showClaims],
  [/^\/claim\/(.+)$/, () => showClaim],
  [/^\/articles$/, () => showArticles],
  [/^\/article\/(.+)$/, () => showArticle],
  [/^\/entities$/, () => showEntities],
  [/^\/entity\/(.+)$/, () => showEntity],
  [/^\/search$/, () => showSearch],
]

/** Which nav entry a route belongs to (a story page is under Stories, …). */
const SECTION_OF = {
  map: 'map',
  stories: 'stories',
  story: 'stories',
  claims: 'claims',
  claim: 'claims',
  articles: 'articles',
  article: 'articles',
  entities: 'entities',
  entity: 'entities',
  search: 'search',
}

let cleanup = null

async function route() {
  const main = document.getElementById('main')
  const [path, queryString = ''] = location.hash.replace(/^#/, '').split('?')
  const query = Object.fromEntries(new URLSearchParams(queryString))
  if (cleanup) {
    cleanup()
    cleanup = null
  }
  for (const [pattern, view] of ROUTES) {
    const match = pattern.exec(path)
    if (!match) continue
    const section = SECTION_OF[path.split('/')[1] || 'map'] ?? 'map'
    for (const link of document.querySelectorAll('[data-nav]')) {
      if (link.dataset.nav === section) link.setAttribute('aria-current', 'page')
      else link.removeAttribute('aria-current')
    }
    clear(main, h('p', { class: 'loading' }, 'Loading…'))
    try {
      const id = match[1] ? decodeURIComponent(match[1]) : undefined
      cleanup = (await view()(main, { id, query })) ?? null
    } catch (error) {
      clear(main, errorBox(error))
    }
    return
  }
  clear(main, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/map' }, 'Back to the map')))
}

async function refreshSession() {
  const button = document.getElementById('token-button')
  session.user = null
  if (token()) {
    try {
      session.user = await get('/api/me')
    } catch {
      setToken(null)
    }
  }
  button.textContent = session.user
    ? `${session.user.name} (${session.user.role})`
    : 'Sign in with token'
  document.body.dataset.role = session.user?.role ?? 'reader'
}

function setupTokenDialog() {
  const dialog = document.getElementById('token-dialog')
  const input = document.getElementById('token-input')
  const error = document.getElementById('token-error')
  document.getElementById('token-button').addEventListener('click', () => {
    error.textContent = ''
    input.value = ''
    dialog.showModal()
  })
  document.getElementById('token-cancel').addEventListener('click', () => dialog.close())
  document.getElementById('token-signout').addEventListener('click', async () => {
    setToken(null)
    dialog.close()
    await refreshSession()
    route()
  })
  document.getElementById('token-form').addEventListener('submit', async (event) => {
    event.preventDefault()
    setToken(input.value.trim())
    await refreshSession()
    if (!session.user) {
      error.textContent = 'That token is not valid (unknown or revoked).'
      return
    }
    dialog.close()
    route()
  })
}

function setupQuickSearch() {
  const form = document.querySelector('.quick-search')
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const q = form.elements.q.value.trim()
    location.hash = `#/search?q=${encodeURIComponent(q)}`
  })
}

async function start() {
  setupTokenDialog()
  setupQuickSearch()
  window.addEventListener('hashchange', route)
  await refreshSession()
  try {
    await route()
  } catch (error) {
    clear(document.getElementById('main'), errorBox(error))
  }
}

start()
