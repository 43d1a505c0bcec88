// Stories: every report of one real-world event side by side, with the figures
// that disagree between them highlighted.
import { get } from './api.js'
import { clear, fmtDate, h, plural, titled } from './dom.js'
import { groupOf } from './plover.js'

export async function showStories(main) {
  const { items, total } = await get('/api/stories', { limit: 500 })
  clear(
    main,
    h('h1', {}, 'Stories'),
    h(
      'p',
      { class: 'meta' },
      `${plural(total, 'story', 'stories')}: events reported by one or more articles.`,
    ),
    h(
      'ol',
      { class: 'story-list' },
      items.map((s) =>
        h(
          'li',
          {},
          h('span', {
            class: 'swatch',
            style: `background:${groupOf(s.type).color}`,
            'aria-hidden': 'true',
          }),
          h('a', { href: `#/story/${encodeURIComponent(s.id)}` }, s.title),
          h(
            'span',
            { class: 'meta' },
            ` · ${plural(s.articleCount, 'article')} · ${plural(s.independentSources, 'independent source')}`,
          ),
        ),
      ),
    ),
  )
  titled(main, 'Stories')
}

export async function showStory(main, { id }) {
  const story = await get(`/api/stories/${encodeURIComponent(id)}`)
  const articles = new Map(story.articles.map((a) => [a.id, a]))
  // Which (field, article) values disagree, to highlight them in the columns.
  const disputed = new Map()
  for (const d of story.discrepancies) {
    for (const v of d.values) disputed.set(`${d.field ?? d.kind}|${v.articleId}`, d)
  }
  const columns = story.members.map((m) => {
    const e = m.event
    const article = articles.get(e.articleId)
    return h(
      'section',
      { class: 'report', dataset: { article: e.articleId } },
      h('h2', {}, article?.outlet ?? e.outlet ?? e.articleId),
      h(
        'p',
        { class: 'meta' },
        `${fmtDate(article?.published ?? e.published)} · origin ${article?.origin ?? '?'}`,
      ),
      h(
        'p',
        {},
        h(
          'a',
          { href: `#/article/${encodeURIComponent(e.articleId)}` },
          article?.title ?? 'Open the article',
        ),
      ),
      h('blockquote', {}, e.text),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Type'),
        h('dd', {}, e.type),
        h('dt', {}, 'Date'),
        h('dd', {}, fmtDate(e.date)),
        h('dt', {}, 'Place'),
        h(
          'dd',
          {},
          e.place ? `${e.place.name}${e.place.country ? ', ' + e.place.country : ''}` : '—',
        ),
        h('dt', {}, 'Actors'),
        h('dd', {}, e.actors.join(', ') || '—'),
        h('dt', {}, 'Claimed by'),
        h('dd', {}, e.claimedBy ?? '—'),
        Object.entries(e.counts).map(([key, n]) => {
          const d = disputed.get(`${key}|${e.articleId}`)
          return [
            h('dt', {}, key),
            h(
              'dd',
              d ? { class: 'disagree', title: d.summary } : {},
              String(n),
              d ? h('span', { class: 'sr-only' }, ` (disputed: ${d.summary})`) : null,
            ),
          ]
        }),
      ),
      m.features
        ? h(
            'p',
            { class: 'meta' },
            `Joined with score ${m.features.score.toFixed(2)}${m.features.distanceKm != null ? `, ${Math.round(m.features.distanceKm)} km` : ''}${m.features.dayGap != null ? `, ${m.features.dayGap} days apart` : ''}`,
          )
        : h('p', { class: 'meta' }, m.linkedTo ? `Linked to ${m.linkedTo}` : 'First report'),
    )
  })
  clear(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/stories' }, 'Stories'), ' / ', story.id),
    h('h1', {}, story.title),
    h(
      'p',
      { class: 'meta' },
      `${plural(story.articleCount, 'article')} · ${plural(story.independentSources, 'independent source')} (${story.origins.join(', ')}) · ${fmtDate(story.dateFrom)}${story.dateTo && story.dateTo !== story.dateFrom ? ' to ' + fmtDate(story.dateTo) : ''}`,
    ),
    story.discrepancies.length
      ? h(
          'section',
          { class: 'discrepancies', 'aria-labelledby': 'disc-h' },
          h('h2', { id: 'disc-h' }, 'Where the reports disagree'),
          h(
            'ul',
            {},
            story.discrepancies.map((d) => h('li', {}, d.summary)),
          ),
        )
      : h('p', { class: 'meta' }, 'The reports agree on the figures they share.'),
    h('div', { class: 'reports' }, columns),
  )
  titled(main, story.title)
}
