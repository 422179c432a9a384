import { useState } from 'react'

import { revealHidden } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'

type Messages = Pick<AuditLogsMessages, 'jsonShowMore' | 'jsonSummary'>

export interface JsonTreeProps {
  value: unknown
  /** Name of the root, e.g. "payload". */
  label: string
  messages: Messages
}

/** Children drawn per step, so a 1 MB payload opens at once and grows only as far as someone reads. */
const CHUNK = 100
/** Nodes up to which a value counts as small enough to open two levels deep. */
const SMALL = 60

/** Nodes in a value, counted only up to `budget`: never deeper or wider than that, however the value nests. */
function countNodes(value: unknown, budget: number): number {
  if (typeof value !== 'object' || value === null || budget <= 1) return 1
  let count = 1
  for (const inner of Object.values(value)) {
    count += countNodes(inner, budget - count)
    if (count > budget) break
  }
  return count
}

/** An http(s) URL may be a link; every other scheme (javascript:, data:, …) stays text. */
function safeHttpUrl(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function Primitive({ value }: { value: unknown }) {
  if (typeof value === 'string') {
    const href = safeHttpUrl(value)
    const quoted = `"${revealHidden(value)}"`
    return href ? (
      <a className="ral-json-string" href={href} target="_blank" rel="noopener noreferrer nofollow">
        {quoted}
      </a>
    ) : (
      <span className="ral-json-string">{quoted}</span>
    )
  }
  const kind = value === null ? 'null' : typeof value
  const text = typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? String(value) : kind
  return <span className={`ral-json-${kind}`}>{text}</span>
}

interface NodeProps {
  name: string
  value: unknown
  depth: number
  openDepth: number
  messages: Messages
}

function JsonNode({ name, value, depth, openDepth, messages }: NodeProps) {
  const isContainer = typeof value === 'object' && value !== null
  const [open, setOpen] = useState(depth < openDepth)
  const [shown, setShown] = useState(CHUNK)
  if (!isContainer) {
    return (
      <li className="ral-json-leaf">
        <span className="ral-json-key">{name}</span>: <Primitive value={value} />
      </li>
    )
  }
  const entries = Object.entries(value as Record<string, unknown>)
  const kind = Array.isArray(value) ? 'array' : 'object'
  return (
    <li className="ral-json-branch">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <span className="ral-json-key">{name}</span> <span className="ral-json-summary">{messages.jsonSummary(entries.length, kind)}</span>
        </summary>
        {open ? (
          <ul className="ral-json-children">
            {entries.slice(0, shown).map(([key, inner]) => (
              <JsonNode key={key} name={key} value={inner} depth={depth + 1} openDepth={openDepth} messages={messages} />
            ))}
            {entries.length > shown ? (
              <li>
                <button type="button" className="ral-button ral-button--small" onClick={() => setShown(shown + CHUNK)}>
                  {messages.jsonShowMore(entries.length - shown)}
                </button>
              </li>
            ) : null}
          </ul>
        ) : null}
      </details>
    </li>
  )
}

/**
 * A JSON value as a collapsible tree of text nodes (never HTML). Small values open two levels deep;
 * large ones open only their first level and draw children on demand.
 */
export function JsonTree({ value, label, messages }: JsonTreeProps) {
  const openDepth = countNodes(value, SMALL) <= SMALL ? 3 : 1
  return (
    <ul className="ral-json" aria-label={label}>
      <JsonNode name={label} value={value} depth={0} openDepth={openDepth} messages={messages} />
    </ul>
  )
}
