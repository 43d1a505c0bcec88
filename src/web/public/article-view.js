/* global FormData */
// (browser globals: this folder runs in the browser, not in Node)
// One article: its text with every extracted field highlighted on its evidence,
// an inspector that shows the rule behind whatever is hovered or focused, and
// the review tools (correct a speaker or an event type) with the history.
import { canEdit, get, post, session } from './api.js'
import { clear, fmtDate, h, plural, titled } from './dom.js'
import { TYPES, groupOf } from './plover.js'

const LAYERS = [
  { id: 'quote', label: 'Quotes' },
  { id: 'entity', label: 'Entities' },
  { id: 'place', label: 'Places' },
  { id: 'claim', label: 'Claims' },
  { id: 'event', label: 'Events' },
  { id: 'date', label: 'Dates' },
]

export async function showArticles(main, { query }) {
  const page = await get('/api/articles', { limit: 200, outlet: query.outlet })
  clear(
    main,
    h('h1', {}, 'Articles'),
    h('p', { class: 'meta' }, plural(page.total, 'article')),
    h(
      'table',
      { class: 'table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Published', 'Outlet', 'Title', 'Events', 'Claims', 'Quotes'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        page.items.map((a) =>
          h(
            'tr',
            {},
            h('td', {}, fmtDate(a.published)),
            h('td', {}, a.outlet ?? '—'),
            h('td', {}, h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title ?? a.id)),
            h('td', { class: 'num' }, a.counts.events),
            h('td', { class: 'num' }, a.counts.claims),
            h('td', { class: 'num' }, a.counts.quotes),
          ),
        ),
      ),
    ),
  )
  titled(main, 'Articles')
}

export async function showArticle(main, { id }) {
  const { article, doc, corrections } = await get(`/api/articles/${encodeURIComponent(id)}`)
  const annotations = collect(doc)
  const inspector = h(
    'div',
    { class: 'inspector', id: 'inspector', 'aria-live': 'polite' },
    h('p', { class: 'meta' }, 'Hover over or focus a highlight to see the rule and the evidence.'),
  )
  const text = h(
    'div',
    { class: 'article-text', id: 'article-text' },
    renderText(doc.text, annotations),
  )
  const rerender = () => showArticle(main, { id })

  text.addEventListener('mouseover', (e) => inspect(e.target, annotations, inspector))
  text.addEventListener('focusin', (e) => inspect(e.target, annotations, inspector))

  clear(
    main,
    h(
      'article',
      { class: 'article-page' },
      h(
        'header',
        { class: 'article-head' },
        h('h1', {}, article.title ?? doc.source.title ?? article.id),
        h(
          'p',
          { class: 'meta' },
          [article.outlet ?? 'Unknown outlet', fmtDate(article.published), doc.source.byline]
            .filter(Boolean)
            .join(' · '),
        ),
        doc.source.url
          ? h('p', { class: 'meta' }, 'Source: ', h('span', { class: 'url' }, doc.source.url))
          : null,
        layerToggles(text),
      ),
      h(
        'div',
        { class: 'article-body' },
        h('section', { class: 'article-main', 'aria-label': 'Article text' }, text),
        h(
          'aside',
          { class: 'article-side', 'aria-label': 'Extracted record' },
          h('h2', {}, 'Why?'),
          inspector,
          quotesPanel(doc, corrections, rerender),
          eventsPanel(doc, corrections, rerender),
          claimsPanel(doc),
          placesPanel(doc, corrections, rerender),
          entitiesPanel(doc),
          historyPanel(corrections),
          messagesPanel(doc),
        ),
      ),
    ),
  )
  titled(main, article.title ?? article.id)
}

/** Every highlightable annotation, flattened: layer, spans, rule, and what to show about it. */
function collect(doc) {
  const out = []
  const text = (s) => doc.text.slice(s.start, s.end)
  const layers = doc.layers
  const entities = new Map((layers.entities ?? []).map((e) => [e.id, e]))
  for (const m of layers.mentions ?? []) {
    const entity = entities.get(m.entity)
    out.push({
      layer: 'entity',
      cls: `l-entity t-${entity?.type ?? 'X'}`,
      spans: [m],
      by: m.by,
      confidence: m.confidence,
      label: `${entity?.name ?? m.entity} (${entity?.type ?? '?'})`,
      details: [entity?.role ? `role: ${entity.role}` : null, `mention: ${m.kind}`],
      link: entity ? `#/entity/${encodeURIComponent(entity.key)}` : null,
    })
  }
  for (const p of layers.places ?? []) {
    out.push({
      layer: 'place',
      cls: `l-place${p.use === 'metonym' ? ' metonym' : ''}`,
      spans: [p, ...(p.mentions ?? [])],
      by: p.by,
      confidence: p.confidence,
      label: `${p.name}${p.country ? ', ' + p.country : ''}${p.use === 'metonym' ? ' (metonym: not a location)' : ''}`,
      details: [
        p.lat != null ? `at ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : 'no coordinates',
        `precision ${p.precision}`,
        p.feature ? `feature ${p.feature}` : null,
        p.admin1 ? `in ${p.admin1}` : null,
      ],
    })
  }
  for (const [i, q] of (layers.quotes ?? []).entries()) {
    out.push({
      layer: 'quote',
      cls: 'l-quote',
      spans: q.spans?.length ? q.spans : [q],
      by: q.by,
      confidence: q.confidence,
      label: `${q.kind} quote by ${q.speakerName ?? 'unknown speaker'}`,
      details: [
        q.via?.length ? `via ${q.via.join(' → ')}` : null,
        q.cue ? `cue: “${text(q.cue)}”` : null,
      ],
      quote: i,
    })
  }
  for (const c of layers.claims ?? []) {
    out.push({
      layer: 'claim',
      cls: `l-claim claim-${c.stance}`,
      spans: [c],
      by: c.by,
      confidence: c.confidence,
      label: `claim (${c.stance}) by ${c.claimant ?? 'the outlet'}`,
      details: [
        c.via?.length ? `via ${c.via.join(' → ')}` : null,
        c.verification ? `verification: ${c.verification}` : null,
      ],
    })
  }
  for (const e of layers.events ?? []) {
    const counts = Object.entries(e.counts ?? {})
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')
    out.push({
      layer: 'event',
      cls: `l-event g-${groupOf(e.type).id}`,
      spans: [e],
      by: e.by,
      confidence: e.confidence,
      label: `event ${e.type}${e.acled ? ' · ' + e.acled : ''}`,
      details: [
        e.date ? `date ${e.date} (${e.datePrecision ?? '?'})` : 'no date',
        e.actors?.length ? `actors: ${e.actors.map((a) => a.name).join(', ')}` : null,
        counts || null,
        e.claimedBy ? `claimed by ${e.claimedBy}` : null,
        `status: ${e.status}`,
      ],
    })
    if (e.dateSpan) {
      out.push({
        layer: 'date',
        cls: 'l-date',
        spans: [e.dateSpan],
        by: e.by,
        confidence: e.confidence,
        label: `date of ${e.type}: ${e.date ?? '?'}`,
        details: [],
      })
    }
  }
  return out.map((a, id) => ({ ...a, id, evidence: a.spans.map(text).join(' … ') }))
}

/** The text cut at every annotation boundary; each piece knows the annotations covering it. */
function renderText(text, annotations) {
  const cuts = new Set([0, text.length])
  for (const a of annotations) for (const s of a.spans) cuts.add(s.start).add(s.end)
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b)
  const nodes = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]
    const end = points[i + 1]
    const covering = annotations.filter((a) =>
      a.spans.some((s) => s.start <= start && s.end >= end),
    )
    // A blank line between paragraphs reads better; only the display changes, not offsets.
    const piece = text.slice(start, end).replace(/\n/g, '\n\n')
    if (covering.length === 0) {
      nodes.push(piece)
      continue
    }
    nodes.push(
      h(
        'mark',
        {
          class: covering.map((a) => a.cls).join(' '),
          tabindex: 0,
          dataset: { ann: covering.map((a) => a.id).join(',') },
          title: covering.map((a) => `${a.label} — rule ${a.by}`).join('\n'),
        },
        piece,
      ),
    )
  }
  return nodes
}

function inspect(target, annotations, inspector) {
  const mark = target.closest?.('mark[data-ann]')
  if (!mark) return
  const ids = mark.dataset.ann.split(',').map(Number)
  clear(
    inspector,
    ids.map((id) => {
      const a = annotations[id]
      return h(
        'div',
        { class: `why why-${a.layer}` },
        h('p', { class: 'why-label' }, a.link ? h('a', { href: a.link }, a.label) : a.label),
        h(
          'p',
          { class: 'why-rule' },
          'rule ',
          h('code', {}, a.by),
          ` · confidence ${Number(a.confidence).toFixed(2)}`,
        ),
        h('blockquote', { class: 'why-evidence' }, a.evidence),
        h(
          'ul',
          { class: 'why-details' },
          a.details.filter(Boolean).map((d) => h('li', {}, d)),
        ),
      )
    }),
  )
}

function layerToggles(text) {
  return h(
    'fieldset',
    { class: 'layer-toggles' },
    h('legend', {}, 'Highlight'),
    LAYERS.map((layer) =>
      h(
        'label',
        { class: `toggle l-${layer.id}-key` },
        h('input', {
          type: 'checkbox',
          checked: true,
          onchange: (e) => text.classList.toggle(`hide-${layer.id}`, !e.target.checked),
        }),
        ' ',
        layer.label,
      ),
    ),
  )
}

function correctionsFor(corrections, kind, index) {
  return corrections.filter((c) => c.kind === kind && c.index === index)
}

function quotesPanel(doc, corrections, rerender) {
  const quotes = doc.layers.quotes ?? []
  const names = [
    ...new Set(
      (doc.layers.entities ?? [])
        .filter((e) => e.type === 'PERSON' || e.type === 'ORG')
        .map((e) => e.name),
    ),
  ]
  const datalist = h(
    'datalist',
    { id: 'speaker-names' },
    names.map((n) => h('option', { value: n })),
  )
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'quotes-h' },
    h('h2', { id: 'quotes-h' }, `Quotes (${quotes.length})`),
    datalist,
    quotes.length === 0 ? h('p', { class: 'meta' }, 'None found.') : null,
    h(
      'ol',
      { class: 'items' },
      quotes.map((q, i) => {
        const history = correctionsFor(corrections, 'speaker', i)
        const form = h('div', { class: 'correct-slot' })
        return h(
          'li',
          { class: 'quote-item', dataset: { quote: i } },
          h(
            'p',
            { class: 'quote-text' },
            '“',
            q.spans.map((s) => doc.text.slice(s.start, s.end)).join(' … '),
            '”',
          ),
          h(
            'p',
            { class: 'speaker' },
            '— ',
            h('strong', { class: 'speaker-name' }, q.speakerName ?? 'unknown speaker'),
            history.length ? h('span', { class: 'badge' }, 'corrected') : null,
            ` · ${q.kind} · rule `,
            h('code', {}, q.by),
          ),
          canEdit()
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  onclick: () => speakerForm(form, doc, i, q, rerender),
                },
                'Correct speaker',
              )
            : null,
          form,
        )
      }),
    ),
    canEdit()
      ? null
      : h(
          'p',
          { class: 'meta' },
          session.user
            ? 'Your token is read-only.'
            : 'Sign in with an editor token to correct a speaker.',
        ),
  )
}

function speakerForm(slot, doc, index, quote, rerender) {
  const input = h('input', {
    name: 'speaker',
    list: 'speaker-names',
    required: true,
    value: quote.speakerName ?? '',
    id: `speaker-${index}`,
    autocomplete: 'off',
  })
  const note = h('input', { name: 'note', id: `note-${index}`, placeholder: 'why (optional)' })
  const error = h('p', { class: 'form-error', role: 'alert' })
  const form = h(
    'form',
    { class: 'correct-form' },
    h('label', { for: `speaker-${index}` }, 'Speaker'),
    input,
    h('label', { for: `note-${index}` }, 'Note'),
    note,
    error,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Save correction'),
      h('button', { type: 'button', onclick: () => clear(slot) }, 'Cancel'),
    ),
  )
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    try {
      await post('/api/review/corrections', {
        kind: 'speaker',
        articleId: doc.id,
        index,
        speaker: input.value.trim(),
        ...(note.value.trim() ? { note: note.value.trim() } : {}),
      })
      await rerender()
    } catch (err) {
      error.textContent = err.message
    }
  })
  clear(slot, form)
  input.focus()
  input.select()
}

function eventsPanel(doc, corrections, rerender) {
  const events = doc.layers.events ?? []
  const places = doc.layers.places ?? []
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'events-h' },
    h('h2', { id: 'events-h' }, `Events (${events.length})`),
    h(
      'ol',
      { class: 'items' },
      events.map((e, i) => {
        const place = places[e.places?.[0]]
        const counts = Object.entries(e.counts ?? {})
          .map(([k, n]) => `${n} ${k}`)
          .join(', ')
        const select = h(
          'select',
          { 'aria-label': `Event type of event ${i + 1}` },
          TYPES.map((t) => h('option', { value: t, selected: t === e.type }, t)),
        )
        const error = h('p', { class: 'form-error', role: 'alert' })
        const save = async () => {
          if (select.value === e.type) return
          try {
            await post('/api/review/corrections', {
              kind: 'event-type',
              articleId: doc.id,
              index: i,
              type: select.value,
            })
            await rerender()
          } catch (err) {
            error.textContent = err.message
          }
        }
        return h(
          'li',
          {},
          h('span', {
            class: 'swatch',
            style: `background:${groupOf(e.type).color}`,
            'aria-hidden': 'true',
          }),
          h('strong', {}, e.type),
          correctionsFor(corrections, 'event-type', i).length
            ? h('span', { class: 'badge' }, 'corrected')
            : null,
          ` ${fmtDate(e.date)}${place ? ' · ' + place.name : ''}${counts ? ' · ' + counts : ''}`,
          e.key ? [' · ', h('a', { href: `#/story/${encodeURIComponent(e.key)}` }, 'story')] : null,
          canEdit()
            ? h(
                'div',
                { class: 'inline-edit' },
                select,
                h('button', { type: 'button', class: 'small', onclick: save }, 'Change type'),
                error,
              )
            : null,
        )
      }),
    ),
  )
}

function placesPanel(doc, corrections, rerender) {
  const places = doc.layers.places ?? []
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'places-h' },
    h('h2', { id: 'places-h' }, `Places (${places.length})`),
    h(
      'ol',
      { class: 'items' },
      places.map((p, i) => {
        const slot = h('div', { class: 'correct-slot' })
        return h(
          'li',
          { dataset: { place: i } },
          h('strong', {}, p.name),
          p.country ? `, ${p.country}` : '',
          correctionsFor(corrections, 'place', i).length
            ? h('span', { class: 'badge' }, 'corrected')
            : null,
          h(
            'span',
            { class: 'meta' },
            ` · “${p.mention}” · ${p.use} · precision ${p.precision}`,
            p.lat != null ? ` · ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : '',
          ),
          canEdit()
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  onclick: () => placeForm(slot, doc, i, p, rerender),
                },
                'Correct place',
              )
            : null,
          slot,
        )
      }),
    ),
  )
}

function placeForm(slot, doc, index, place, rerender) {
  const field = (name, label, value, attrs = {}) => {
    const input = h('input', { id: `place-${name}-${index}`, name, value: value ?? '', ...attrs })
    return [h('label', { for: input.id }, label), input]
  }
  const error = h('p', { class: 'form-error', role: 'alert' })
  const form = h(
    'form',
    { class: 'correct-form' },
    field('name', 'Name', place.name, { required: true }),
    field('lat', 'Latitude', place.lat, { inputmode: 'decimal' }),
    field('lon', 'Longitude', place.lon, { inputmode: 'decimal' }),
    field('country', 'Country (ISO code)', place.country, { maxlength: 2 }),
    error,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Save correction'),
      h('button', { type: 'button', onclick: () => clear(slot) }, 'Cancel'),
    ),
  )
  const number = (value) => (value.trim() === '' ? null : Number(value))
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const values = Object.fromEntries(new FormData(form))
    try {
      await post('/api/review/corrections', {
        kind: 'place',
        articleId: doc.id,
        index,
        place: {
          name: values.name.trim(),
          lat: number(values.lat),
          lon: number(values.lon),
          country: values.country.trim() ? values.country.trim().toUpperCase() : null,
        },
      })
      await rerender()
    } catch (err) {
      error.textContent = err.message
    }
  })
  clear(slot, form)
  form.querySelector('input').focus()
}

function claimsPanel(doc) {
  const claims = doc.layers.claims ?? []
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'claims-h' },
    h('h2', { id: 'claims-h' }, `Claims (${claims.length})`),
    h(
      'ol',
      { class: 'items' },
      claims.map((c) =>
        h(
          'li',
          {},
          h('span', { class: `stance stance-${c.stance}` }, c.stance),
          ' ',
          doc.text.slice(c.start, c.end),
          h('span', { class: 'meta' }, ` — ${c.claimant ?? 'the outlet'}`),
        ),
      ),
    ),
  )
}

function entitiesPanel(doc) {
  const entities = doc.layers.entities ?? []
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'entities-h' },
    h('h2', { id: 'entities-h' }, `Entities (${entities.length})`),
    h(
      'ul',
      { class: 'chips' },
      entities.map((e) =>
        h(
          'li',
          {},
          h(
            'a',
            { class: `chip t-${e.type}`, href: `#/entity/${encodeURIComponent(e.key)}` },
            e.name,
            h('span', { class: 'chip-type' }, e.type),
          ),
        ),
      ),
    ),
  )
}

export function historyPanel(corrections) {
  return h(
    'section',
    { class: 'panel history', 'aria-labelledby': 'history-h', id: 'history' },
    h('h2', { id: 'history-h' }, `Review history (${corrections.length})`),
    corrections.length === 0 ? h('p', { class: 'meta' }, 'No corrections yet.') : null,
    h(
      'ol',
      { class: 'items' },
      corrections.map((c) =>
        h(
          'li',
          { class: 'correction' },
          h('strong', {}, c.kind),
          c.index !== null ? ` #${c.index + 1}` : '',
          ': ',
          h('del', {}, show(c.before)),
          ' → ',
          h('ins', {}, show(c.after)),
          h('br'),
          h(
            'span',
            { class: 'meta' },
            `by ${c.by} (${c.role}) on ${c.at.slice(0, 16).replace('T', ' ')} UTC`,
          ),
          c.note ? h('span', { class: 'meta' }, ` — ${c.note}`) : null,
        ),
      ),
    ),
  )
}

function show(value) {
  if (value === null || value === undefined) return 'none'
  if (typeof value === 'object') return value.name ?? JSON.stringify(value)
  return String(value)
}

function messagesPanel(doc) {
  if (!doc.messages?.length) return null
  return h(
    'details',
    { class: 'panel' },
    h('summary', {}, plural(doc.messages.length, 'message')),
    h(
      'ul',
      { class: 'items' },
      doc.messages.map((m) =>
        h('li', {}, `${m.level}: ${m.reason} `, h('code', {}, `${m.stage}/${m.ruleId}`)),
      ),
    ),
  )
}
