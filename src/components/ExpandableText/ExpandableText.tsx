import { useState } from 'react'

import { formatNumber, revealHidden } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'

export interface ExpandableTextProps {
  text: string
  messages: Pick<AuditLogsMessages, 'textShowMore'>
  locale?: string | undefined
  className?: string
  /** Characters drawn at first. Defaults to `TEXT_PREVIEW`. */
  preview?: number
}

/** Characters drawn at first, and added per "Show more". */
export const TEXT_PREVIEW = 2_000
const TEXT_STEP = 20_000

/**
 * A text of any length, drawn only as far as someone reads: a 20 MB value opens as its first 2,000
 * characters (`preview`), and each "Show more" adds 20,000. Only the drawn part is read: its length and a
 * slice, never a scan of the whole, so opening costs the same for 2 KB and 20 MB.
 */
export function ExpandableText({ text, messages, locale, className = 'ral-detail-text', preview = TEXT_PREVIEW }: ExpandableTextProps) {
  const [limit, setLimit] = useState(preview)
  const remaining = text.length - limit
  return (
    <>
      {/* It wraps (white-space: pre-wrap, long tokens broken) in the page's own scroll: no box scrolls inside it. */}
      <span className={`${className} ral-long-text`}>{revealHidden(remaining > 0 ? `${text.slice(0, limit)}…` : text)}</span>
      {remaining > 0 ? (
        <button type="button" className="ral-button ral-button--small" onClick={() => setLimit(limit + TEXT_STEP)}>
          {messages.textShowMore(formatNumber(remaining, locale))}
        </button>
      ) : null}
    </>
  )
}
