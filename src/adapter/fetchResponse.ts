// Reading a REST API's answer: the body as text, the reason in an error body, times in the API's format.
import { withEventTime } from '../core/time'
import type { TimeFormat } from '../core/types'
import { AuditLogsError, isAbortError } from './errors'
import type { UncheckedPage } from './fetchAdapterOptions'

/** A mapped event with its `createdAt` read in `format`; anything that is no object is left for the check. */
export const withTime = (event: unknown, format: TimeFormat | undefined): unknown =>
  typeof event === 'object' && event !== null ? withEventTime(event as { createdAt: unknown }, format) : event

/** A mapped page with its events' `createdAt` read in `format`. */
export function withPageTimes(page: UncheckedPage, format: TimeFormat | undefined): UncheckedPage {
  if (format === undefined || format === 'iso' || !Array.isArray(page.events)) return page
  return { ...page, events: (page.events as unknown[]).map((event) => withTime(event, format)) }
}

const MAX_DETAIL = 200

/** A short, readable reason from an error body: its `message`/`error` field, or its first line of text. */
export function errorDetail(text: string, contentType: string): string {
  if (contentType.includes('html') || /^\s*</.test(text)) return 'the server sent an HTML page instead of JSON'
  return jsonMessage(text) || (text.trim().split('\n', 1)[0]?.slice(0, MAX_DETAIL) ?? '')
}

/** The `message` (or `error`) of a JSON error body, cut short; `''` when the body is no such JSON. */
export function jsonMessage(text: string): string {
  try {
    const body: unknown = JSON.parse(text)
    if (typeof body === 'object' && body !== null) {
      const { message, error } = body as Record<string, unknown>
      const detail = typeof message === 'string' ? message : typeof error === 'string' ? error : ''
      return detail.slice(0, MAX_DETAIL)
    }
  } catch {
    // not JSON
  }
  return ''
}

/**
 * A response's body as text. A connection that breaks while the body arrives is a network failure, worded by
 * the viewer, not the browser's own "Failed to fetch" or "network error".
 */
export async function readText(response: Response): Promise<string> {
  try {
    return await response.text()
  } catch (error) {
    if (isAbortError(error)) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new AuditLogsError('network', `The connection to the audit-log server broke while its answer arrived (${reason}).`, { cause: error })
  }
}
