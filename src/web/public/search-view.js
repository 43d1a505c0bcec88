/* global location, URLSearchParams, FormData */
// (browser globals: this folder runs in the browser, not in Node)
// Search with facets: words, event type, actor, country, date range, status, near a point.
import { get } from './api.js'
import { clear, fmtDate, h, plural, titled } from './dom.js'
import { CLAIM_STATUSES, TYPES } from './plover.js'

const FIELDS = ['q', 'type', 'actor', 'country', 'from', 'to', 'status', 'near']
const EVENT_STATUSES = ['happened', 'negated', 'hypothetical', 'future']

export async function showSearch(main, { query }) {
  const form = searchForm(query)
  const results = h('section', { class: 'results', 'aria-live': 'polite', 'aria-label': 'Results' })
  clear(main, h('h1', {}, 'Search'), h('div', { class: 'search-page' }, form, results))
  titled(main, 'Search')
  try {
    const page = await get('/api/search', { ...pick(query), limit: 100 })
    clear(
      results,
      facets(page.facets, query),
      h('p', { class: 'meta', id: 'result-count' }, plural(page.total, 'article')),
      h('ol', { class: 'hits' }, page.items.map(hit)),
    )
  } catch (error) {
    clear(results, h('p', { class: 'error', role: 'alert' }, error.message))
  }
}

function pick(query) {
  return Object.fromEntries(FIELDS.filter((f) => query[f]).map((f) => [f, query[f]]))
}

function go(values) {
  const params = new URLSearchParams(pick(values))
  location.hash = `#/search?${params}`
}

function field(name, label, input) {
  input.id = `s-${name}`
  input.name = name
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input)
}

function options(values, selected) {
  return [
    h('option', { value: '' }, 'any'),
    values.map((v) => h('option', { value: v, selected: v === selected }, v)),
  ]
}

function searchForm(query) {
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    field('q', 'Words', h('input', { type: 'search', value: query.q ?? '' })),
    field('type', 'Event type', h('select', {}, options(TYPES, query.type))),
    field('actor', 'Actor', h('input', { value: query.actor ?? '' })),
    field(
      'country',
      'Country (ISO code)',
      h('input', { value: query.country ?? '', maxlength: 2, size: 3 }),
    ),
    field('from', 'From', h('input', { type: 'date', value: query.from ?? '' })),
    field('to', 'To', h('input', { type: 'date', value: query.to ?? '' })),
    field(
      'status',
      'Status',
      h('select', {}, options([...EVENT_STATUSES, ...CLAIM_STATUSES], query.status)),
    ),
    field(
      'near',
      'Near (lat,lon,km)',
      h('input', { value: query.near ?? '', placeholder: '46.6,32.6,50' }),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Search'),
      h('a', { href: '#/search', class: 'button' }, 'Clear'),
    ),
  )
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    go(Object.fromEntries(new FormData(form)))
  })
  return form
}

function facets(all, query) {
  return h(
    'div',
    { class: 'facets' },
    Object.entries(all).map(([name, counts]) =>
      Object.keys(counts).length
        ? h(
            'div',
            { class: 'facet' },
            h('h2', {}, name),
            h(
              'ul',
              {},
              Object.entries(counts)
                .sort((a, b) => b[1] - a[1])
                .map(([value, n]) =>
                  h(
                    'li',
                    {},
                    FIELDS.includes(name)
                      ? h(
                          'button',
                          {
                            type: 'button',
                            class: 'linkish',
                            onclick: () => go({ ...query, [name]: value }),
                          },
                          value,
                        )
                      : value,
                    ` (${n})`,
                  ),
                ),
            ),
          )
        : null,
    ),
  )
}

function hit(item) {
  const a = item.article
  return h(
    'li',
    { class: 'hit' },
    h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title ?? a.id),
    h('p', { class: 'meta' }, `${a.outlet ?? ''} · ${fmtDate(a.published)}`),
    h('p', { class: 'snippet' }, item.snippet),
    item.events.length
      ? h(
          'ul',
          { class: 'chips' },
          item.events.map((e) =>
            h(
              'li',
              { class: 'chip' },
              `${e.type} · ${e.place?.name ?? 'no place'} · ${fmtDate(e.date)}`,
            ),
          ),
        )
      : null,
  )
}
