/* global sessionStorage, fetch, URLSearchParams */
// (browser globals: this folder runs in the browser, not in Node)
// The web app talks to sitrep over HTTP only (it imports nothing from the server code).

const TOKEN_KEY = 'sitrep.token'

/** The signed-in token holder ({name, role}) or null; views read it to offer corrections. */
export const session = { user: null }

export function canEdit() {
  return session.user?.role === 'editor' || session.user?.role === 'admin'
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY)
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value)
  else sessionStorage.removeItem(TOKEN_KEY)
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message)
    this.status = status
  }
}

async function request(method, path, body) {
  const headers = { accept: 'application/json' }
  const secret = token()
  if (secret) headers.authorization = `Bearer ${secret}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await response.json().catch(() => null)
  if (!response.ok) {
    throw new ApiError(response.status, data?.error?.message ?? `HTTP ${response.status}`)
  }
  return data
}

/** GET with a query object; empty values are left out. */
export function get(path, query = {}) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return request('GET', qs ? `${path}?${qs}` : path)
}

export function post(path, body) {
  return request('POST', path, body)
}
