import type { DatePrecision } from '../core/record.js'

const DAY_MS = 86_400_000

/** Tolerance in days for a date of this precision (as the gold scorer counts it). */
export function toleranceDays(precision: DatePrecision | null): number {
  switch (precision) {
    case 'week':
      return 7
    case 'month':
      return 31
    case 'year':
      return 366
    default:
      return 1
  }
}

/** Day number of an ISO date or datetime, or null. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null
  const time = Date.parse(date.length >= 10 ? date.slice(0, 10) : date)
  return Number.isNaN(time) ? null : Math.floor(time / DAY_MS)
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** ISO date shifted by whole days. */
export function shiftDate(date: string, days: number): string {
  const day = dayNumber(date)
  return day === null ? date : dayToIso(day + days)
}

/** Today's date as ISO (for records without a published date). */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}
