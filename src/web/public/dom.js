/* global document, Node */
// (browser globals: this folder runs in the browser, not in Node)
// Tiny DOM helpers: elements are built, never assembled from HTML strings,
// so text from articles can never become markup.

/** h('a', {href: '#/x', class: 'y'}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value)
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value)
    } else if (value === true) {
      el.setAttribute(key, '')
    } else {
      el.setAttribute(key, String(value))
    }
  }
  append(el, children)
  return el
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    el.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
}

export function clear(el, ...children) {
  el.replaceChildren()
  append(el, children)
  return el
}

export function fmtDate(value) {
  if (!value) return '—'
  return String(value).slice(0, 10)
}

export function plural(n, word, many = word + 's') {
  return `${n} ${n === 1 ? word : many}`
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`)
}

/** Sets the page title and moves focus to the main heading for screen readers. */
export function titled(main, title) {
  document.title = `${title} · sitrep`
  const heading = main.querySelector('h1')
  if (heading) {
    heading.setAttribute('tabindex', '-1')
    heading.focus({ preventScroll: true })
  }
}
