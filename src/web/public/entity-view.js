// Entity pages: who or what, where they appear, what they said and claimed.
import { get } from './api.js'
import { clear, fmtDate, h, plural, titled } from './dom.js'

export async function showEntities(main, { query }) {
  const { items, total } = await get('/api/entities', { limit: 500, q: query.q, type: query.type })
  clear(
    main,
    h('h1', {}, 'Entities'),
    h('p', { class: 'meta' }, `${plural(total, 'entity', 'entities')}, most reported first.`),
    h(
      'table',
      { class: 'table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Name', 'Type', 'Role', 'Articles', 'Mentions'].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        items.map((e) =>
          h(
            'tr',
            {},
            h('td', {}, h('a', { href: `#/entity/${encodeURIComponent(e.key)}` }, e.name)),
            h('td', {}, e.type),
            h('td', {}, e.roles.join('; ') || '—'),
            h('td', { class: 'num' }, e.articleCount),
            h('td', { class: 'num' }, e.mentionCount),
          ),
        ),
      ),
    ),
  )
  titled(main, 'Entities')
}

export async function showEntity(main, { id }) {
  const { entity, articles, quotes, claims, events } = await get(
    `/api/entities/${encodeURIComponent(id)}`,
  )
  const articleLink = (articleId, label) =>
    h('a', { href: `#/article/${encodeURIComponent(articleId)}` }, label)
  clear(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/entities' }, 'Entities'), ' / ', entity.type),
    h('h1', {}, entity.name),
    h(
      'p',
      { class: 'meta' },
      [
        entity.type,
        entity.roles.join('; '),
        entity.aliases.length ? `also: ${entity.aliases.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    h('h2', {}, `Quotes (${quotes.length})`),
    h(
      'ol',
      { class: 'items' },
      quotes.map((q) =>
        h(
          'li',
          {},
          `“${q.text}” `,
          h('span', { class: 'meta' }, '— ', articleLink(q.articleId, q.title ?? q.articleId)),
        ),
      ),
    ),
    h('h2', {}, `Claims (${claims.length})`),
    h(
      'ol',
      { class: 'items' },
      claims.map((c) =>
        h(
          'li',
          {},
          h('span', { class: `stance stance-${c.stance}` }, c.stance),
          ` ${c.text} `,
          h('span', { class: 'meta' }, '— ', articleLink(c.articleId, c.title ?? c.articleId)),
        ),
      ),
    ),
    h('h2', {}, `Events (${events.length})`),
    h(
      'ol',
      { class: 'items' },
      events.map((e) =>
        h(
          'li',
          {},
          h('strong', {}, e.type),
          ` ${fmtDate(e.date)} · ${e.text} `,
          articleLink(e.articleId, 'article'),
        ),
      ),
    ),
    h('h2', {}, `Articles (${articles.length})`),
    h(
      'ul',
      { class: 'items' },
      articles.map((a) =>
        h(
          'li',
          {},
          articleLink(a.id, a.title ?? a.id),
          h('span', { class: 'meta' }, ` · ${a.outlet ?? ''} · ${fmtDate(a.published)}`),
        ),
      ),
    ),
  )
  titled(main, entity.name)
}
