// Whether the timeline is open, kept in the browser (per origin) so it opens as the person last left it.
const KEY = 'react-audit-logs:timeline'

/** The remembered state; open when nothing is remembered or storage cannot be read (private modes, policies). */
export function readTimelineOpen(): boolean {
  try {
    return typeof window === 'undefined' || window.localStorage.getItem(KEY) !== 'closed'
  } catch {
    return true
  }
}

export function rememberTimelineOpen(open: boolean): void {
  try {
    window.localStorage.setItem(KEY, open ? 'open' : 'closed')
  } catch {
    // Not remembered: the timeline still opens and closes.
  }
}
