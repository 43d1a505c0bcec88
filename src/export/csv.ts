/**
 * CSV per RFC 4180: a field is quoted when it holds a comma, a quotation mark or a line break,
 * and quotation marks inside are doubled. Rows end with CRLF, as the RFC and spreadsheets expect.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',')
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [csvRow(header), ...rows.map(csvRow)].join('\r\n') + '\r\n'
}
