/* global document, setTimeout, L */
// (browser globals: this folder runs in the browser, not in Node)
// The map of events over Natural Earth country shapes (no tiles), with a
// timeline that filters it and a list that is the keyboard way into the markers.
import { get } from './api.js'
import { clear, fmtDate, h, plural, titled } from './dom.js'
import { GROUPS, groupOf } from './plover.js'

/** Radius drawn around a place whose position is approximate (ACLED precision 2 and 3), in metres. */
const PRECISION_RADIUS = { 2: 25_000, 3: 150_000 }
const DAY = 86_400_000

let countriesCache = null

function countTotal(event) {
  return Object.values(event.counts ?? {}).reduce((sum, n) => sum + n, 0)
}

function markerRadius(event) {
  return Math.min(22, 6 + 2.5 * Math.sqrt(countTotal(event)))
}

function countsText(event) {
  return Object.entries(event.counts ?? {})
    .map(([key, n]) => `${n} ${key}`)
    .join(', ')
}

function dayIndex(date, first) {
  return Math.round((Date.parse(date.slice(0, 10)) - first) / DAY)
}

function isoDay(first, index) {
  return new Date(first + index * DAY).toISOString().slice(0, 10)
}

export async function showMap(main, { query }) {
  const [{ items: events }, countries] = await Promise.all([
    get('/api/events', { limit: 5000, type: query.type, country: query.country }),
    countriesCache ?? get('/api/geo/countries'),
  ])
  countriesCache = countries
  const located = events.filter((e) => e.place?.lat != null && e.place?.lon != null)
  const dated = events
    .filter((e) => e.date)
    .map((e) => e.date.slice(0, 10))
    .sort()

  const mapEl = h('div', { id: 'map', class: 'map', role: 'region', 'aria-label': 'Map of events' })
  const list = h('ol', { class: 'event-list', id: 'event-list' })
  const status = h('p', { class: 'map-status', id: 'map-status', 'aria-live': 'polite' })
  const timeline = h('section', { class: 'timeline', 'aria-label': 'Timeline' })
  clear(
    main,
    h(
      'div',
      { class: 'map-page' },
      h('div', { class: 'map-head' }, h('h1', {}, 'Events'), status, legend()),
      mapEl,
      timeline,
      h('aside', { class: 'map-side', 'aria-label': 'Events shown' }, list),
    ),
  )
  titled(main, 'Map of events')

  const map = L.map(mapEl, { worldCopyJump: true, minZoom: 1, maxZoom: 11, zoomSnap: 0.5 })
  map.attributionControl.setPrefix(false)
  map.attributionControl.addAttribution('Country shapes: Natural Earth (world-atlas)')
  L.geoJSON(countries, {
    interactive: false,
    style: { color: '#8795a1', weight: 0.7, fillColor: '#f3f1ec', fillOpacity: 1 },
  }).addTo(map)
  const layer = L.layerGroup().addTo(map)
  if (located.length) {
    map.fitBounds(L.latLngBounds(located.map((e) => [e.place.lat, e.place.lon])).pad(0.4), {
      maxZoom: 6,
    })
  } else {
    map.setView([30, 20], 2)
  }

  const markers = new Map()
  for (const event of located) {
    const group = groupOf(event.type)
    const latlng = [event.place.lat, event.place.lon]
    const parts = []
    const radius = PRECISION_RADIUS[event.precision]
    if (radius) {
      parts.push(
        L.circle(latlng, {
          radius,
          color: group.color,
          weight: 1,
          dashArray: '4 4',
          fillOpacity: 0.06,
          interactive: false,
        }),
      )
    }
    const marker = L.circleMarker(latlng, {
      radius: markerRadius(event),
      color: '#1f2933',
      weight: 1,
      fillColor: group.color,
      fillOpacity: 0.85,
      className: `event-marker type-${event.type}`,
    })
    marker.bindPopup(() => popup(event))
    marker.bindTooltip(`${event.type} · ${event.place.name} · ${fmtDate(event.date)}`)
    parts.push(marker)
    markers.set(event.id, { event, parts, marker })
  }

  const range = buildTimeline(timeline, dated, (from, to) => render(from, to))

  function visible(event, from, to) {
    if (!from && !to) return true
    if (!event.date) return false
    const day = event.date.slice(0, 10)
    return (!from || day >= from) && (!to || day <= to)
  }

  function render(from, to) {
    layer.clearLayers()
    // Newest first; undated events last.
    const shown = events
      .filter((e) => visible(e, from, to))
      .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    for (const event of shown) {
      for (const part of markers.get(event.id)?.parts ?? []) layer.addLayer(part)
    }
    const unplaced = shown.filter((e) => !markers.has(e.id)).length
    status.textContent =
      `Showing ${shown.length} of ${plural(events.length, 'event')}` +
      (from || to ? ` from ${from ?? 'the start'} to ${to ?? 'the end'}` : '') +
      (unplaced ? ` (${unplaced} without a place, listed only)` : '')
    main.dataset.shown = String(shown.length)
    clear(
      list,
      shown.map((event) => listItem(event, markers.get(event.id), map)),
    )
  }

  render(range.from, range.to)
  setTimeout(() => map.invalidateSize(), 0)
  return () => map.remove()
}

function legend() {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    GROUPS.map((g) =>
      h('li', {}, h('span', { class: 'swatch', style: `background:${g.color}` }), g.label),
    ),
    h('li', {}, h('span', { class: 'swatch ring' }), 'Approximate place (radius)'),
    h('li', {}, 'Marker size: people killed, injured, captured…'),
  )
}

function popup(event) {
  return h(
    'div',
    { class: 'popup' },
    h('strong', {}, `${event.type}${event.acled ? ' · ' + event.acled : ''}`),
    h('p', {}, event.text),
    h(
      'p',
      { class: 'meta' },
      `${event.place?.name ?? ''} · ${fmtDate(event.date)} · ${event.outlet ?? ''}`,
      countsText(event) ? ` · ${countsText(event)}` : '',
    ),
    h(
      'p',
      {},
      h('a', { href: `#/article/${encodeURIComponent(event.articleId)}` }, 'Open the article'),
      event.storyId
        ? [
            ' · ',
            h('a', { href: `#/story/${encodeURIComponent(event.storyId)}` }, 'Open the story'),
          ]
        : null,
    ),
  )
}

function listItem(event, entry, map) {
  const group = groupOf(event.type)
  const label = `${event.type} · ${event.place?.name ?? 'no place'} · ${fmtDate(event.date)}`
  const focusMarker = () => {
    if (!entry) return
    map.setView(entry.marker.getLatLng(), Math.max(map.getZoom(), 6))
    entry.marker.openPopup()
  }
  return h(
    'li',
    { class: 'event-item', dataset: { eventId: event.id } },
    h('span', { class: 'swatch', style: `background:${group.color}`, 'aria-hidden': 'true' }),
    h(
      'div',
      {},
      // Only events on the map get a button that shows them there.
      entry
        ? h('button', { type: 'button', class: 'linkish', onclick: focusMarker }, label)
        : h('strong', { class: 'unplaced' }, label),
      event.corrected ? h('span', { class: 'badge' }, 'corrected') : null,
      h('p', { class: 'snippet' }, event.text),
      h(
        'p',
        { class: 'meta' },
        h(
          'a',
          { href: `#/article/${encodeURIComponent(event.articleId)}` },
          event.outlet ?? 'article',
        ),
        event.storyId
          ? [' · ', h('a', { href: `#/story/${encodeURIComponent(event.storyId)}` }, 'story')]
          : null,
        countsText(event) ? ` · ${countsText(event)}` : '',
      ),
    ),
  )
}

/**
 * A histogram of events per day (or week, for long spans) with two sliders and
 * two date fields; moving either filters the map. Returns the initial range.
 */
function buildTimeline(section, days, onChange) {
  if (days.length === 0) {
    clear(section, h('p', { class: 'meta' }, 'No dated events.'))
    return { from: undefined, to: undefined }
  }
  const first = Date.parse(days[0])
  const span = dayIndex(days[days.length - 1], first) + 1
  const binDays = span > 120 ? 7 : 1
  const bins = new Array(Math.ceil(span / binDays)).fill(0)
  for (const day of days) bins[Math.floor(dayIndex(day, first) / binDays)]++
  const max = Math.max(...bins)
  const width = 1000
  const barWidth = width / bins.length
  const svgNs = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(svgNs, 'svg')
  svg.setAttribute('viewBox', `0 0 ${width} 60`)
  svg.setAttribute('preserveAspectRatio', 'none')
  svg.setAttribute('class', 'histogram')
  svg.setAttribute('aria-hidden', 'true')
  const bars = bins.map((n, i) => {
    const rect = document.createElementNS(svgNs, 'rect')
    const height = n ? 8 + (52 * n) / max : 0
    rect.setAttribute('x', String(i * barWidth + barWidth * 0.1))
    rect.setAttribute('width', String(Math.max(1, barWidth * 0.8)))
    rect.setAttribute('y', String(60 - height))
    rect.setAttribute('height', String(height))
    svg.append(rect)
    return rect
  })

  const last = span - 1
  const fromSlider = h('input', {
    type: 'range',
    min: 0,
    max: last,
    value: 0,
    id: 'from-slider',
    'aria-label': 'Start of the time range',
  })
  const toSlider = h('input', {
    type: 'range',
    min: 0,
    max: last,
    value: last,
    id: 'to-slider',
    'aria-label': 'End of the time range',
  })
  const fromInput = h('input', {
    type: 'date',
    id: 'time-from',
    min: isoDay(first, 0),
    max: isoDay(first, last),
    value: isoDay(first, 0),
  })
  const toInput = h('input', {
    type: 'date',
    id: 'time-to',
    min: isoDay(first, 0),
    max: isoDay(first, last),
    value: isoDay(first, last),
  })
  const reset = h('button', { type: 'button', id: 'time-reset' }, 'All dates')

  let filtered = false
  function apply(fromIndex, toIndex, source) {
    if (fromIndex > toIndex) [fromIndex, toIndex] = [toIndex, fromIndex]
    fromSlider.value = String(fromIndex)
    toSlider.value = String(toIndex)
    if (source !== 'input') {
      fromInput.value = isoDay(first, fromIndex)
      toInput.value = isoDay(first, toIndex)
    }
    bars.forEach((bar, i) => {
      const inside = i * binDays <= toIndex && (i + 1) * binDays - 1 >= fromIndex
      bar.setAttribute('class', inside ? 'in' : 'out')
    })
    filtered = fromIndex > 0 || toIndex < last
    // Undated events only show when no time filter is set.
    onChange(
      filtered ? isoDay(first, fromIndex) : undefined,
      filtered ? isoDay(first, toIndex) : undefined,
    )
  }
  const fromDate = (value, fallback) => {
    const time = Date.parse(value)
    return Number.isNaN(time)
      ? fallback
      : Math.min(last, Math.max(0, Math.round((time - first) / DAY)))
  }
  fromSlider.addEventListener('input', () =>
    apply(Number(fromSlider.value), Number(toSlider.value)),
  )
  toSlider.addEventListener('input', () => apply(Number(fromSlider.value), Number(toSlider.value)))
  fromInput.addEventListener('change', () =>
    apply(fromDate(fromInput.value, 0), fromDate(toInput.value, last), 'input'),
  )
  toInput.addEventListener('change', () =>
    apply(fromDate(fromInput.value, 0), fromDate(toInput.value, last), 'input'),
  )
  reset.addEventListener('click', () => apply(0, last))

  clear(
    section,
    h('h2', { class: 'sr-only' }, 'Timeline'),
    h(
      'div',
      { class: 'histogram-wrap' },
      svg,
      h('div', { class: 'sliders' }, fromSlider, toSlider),
    ),
    h(
      'div',
      { class: 'time-fields' },
      h('label', {}, 'From ', fromInput),
      h('label', {}, 'To ', toInput),
      reset,
      h(
        'span',
        { class: 'meta' },
        `${days.length} dated events, ${binDays === 7 ? 'per week' : 'per day'}`,
      ),
    ),
  )
  bars.forEach((bar) => bar.setAttribute('class', 'in'))
  return { from: undefined, to: undefined }
}
