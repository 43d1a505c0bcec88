// The claim board: one column per status, a card per claim cluster with its
// claimant, independent sources and first/last seen; and one claim's page.
import { canEdit, get, post } from './api.js'
import { clear, fmtDate, h, plural, titled } from './dom.js'
import { CLAIM_STATUSES } from './plover.js'
import { historyPanel } from './article-view.js'

export async function showClaims(main) {
  const { items, total } = await get('/api/claims', { limit: 1000 })
  const columns = CLAIM_STATUSES.map((status) => {
    const cards = items.filter((c) => c.status === status)
    return h(
      'section',
      { class: `column status-${status}`, 'aria-labelledby': `col-${status}` },
      h('h2', { id: `col-${status}` }, status, h('span', { class: 'count' }, cards.length)),
      h('ol', { class: 'cards' }, cards.map(card)),
    )
  })
  clear(
    main,
    h('h1', {}, 'Claims'),
    h(
      'p',
      { class: 'meta' },
      `${plural(total, 'claim')}. A source is independent when it is not a reprint of, or citing, another.`,
    ),
    h('div', { class: 'board' }, columns),
  )
  titled(main, 'Claims')
}

function card(claim) {
  return h(
    'li',
    { class: 'card', dataset: { claim: claim.id } },
    h('a', { href: `#/claim/${encodeURIComponent(claim.id)}`, class: 'card-title' }, claim.text),
    h('p', { class: 'claimant' }, claim.claimant ?? 'unattributed'),
    h(
      'p',
      { class: 'meta' },
      h('strong', {}, plural(claim.independentSources, 'independent source')),
      ` · ${plural(claim.articleCount, 'article')}`,
    ),
    h(
      'p',
      { class: 'meta' },
      `first ${fmtDate(claim.firstSeen)} · last ${fmtDate(claim.lastSeen)}`,
    ),
  )
}

export async function showClaim(main, { id }) {
  const claim = await get(`/api/claims/${encodeURIComponent(id)}`)
  const rerender = () => showClaim(main, { id })
  clear(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/claims' }, 'Claims'), ' / ', claim.status),
    h('h1', {}, claim.text),
    h(
      'p',
      { class: 'meta' },
      `Claimed by ${claim.claimant ?? 'unattributed'} · `,
      h('span', { class: `status-pill status-${claim.status}` }, claim.status),
      ` since ${fmtDate(claim.statusDate)} · ${plural(claim.independentSources, 'independent source')} (${claim.origins.join(', ')}) · ${plural(claim.articleCount, 'article')}`,
    ),
    canEdit() ? statusForm(claim, rerender) : null,
    h('h2', {}, 'Reports'),
    h(
      'ol',
      { class: 'items' },
      claim.members.map((m) =>
        h(
          'li',
          {},
          h('a', { href: `#/article/${encodeURIComponent(m.articleId)}` }, m.outlet ?? m.articleId),
          ` (${fmtDate(m.published)}, origin ${m.origin}) · ${m.stance}: `,
          m.text,
        ),
      ),
    ),
    h('h2', {}, 'Status history'),
    h(
      'ol',
      { class: 'items' },
      claim.history.map((c) =>
        h(
          'li',
          {},
          h('strong', {}, c.status),
          ` ${fmtDate(c.date)} — ${c.reason} `,
          h('a', { href: `#/article/${encodeURIComponent(c.articleId)}` }, 'evidence'),
        ),
      ),
    ),
    claim.discrepancies.length
      ? [
          h('h2', {}, 'Discrepancies'),
          h(
            'ul',
            { class: 'items' },
            claim.discrepancies.map((d) => h('li', {}, d.summary)),
          ),
        ]
      : null,
    historyPanel(claim.corrections),
  )
  titled(main, claim.text)
}

function statusForm(claim, rerender) {
  const select = h(
    'select',
    { id: 'claim-status', name: 'status' },
    CLAIM_STATUSES.map((s) => h('option', { value: s, selected: s === claim.status }, s)),
  )
  const note = h('input', { id: 'claim-note', name: 'note', placeholder: 'evidence or reason' })
  const error = h('p', { class: 'form-error', role: 'alert' })
  const form = h(
    'form',
    { class: 'correct-form inline' },
    h('label', { for: 'claim-status' }, 'Set status'),
    select,
    h('label', { for: 'claim-note' }, 'Note'),
    note,
    h('button', { type: 'submit', class: 'primary' }, 'Save'),
    error,
  )
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    try {
      await post('/api/review/corrections', {
        kind: 'claim-status',
        claimId: claim.id,
        status: select.value,
        ...(note.value.trim() ? { note: note.value.trim() } : {}),
      })
      await rerender()
    } catch (err) {
      error.textContent = err.message
    }
  })
  return form
}
