import { useState } from 'react'

import { revealHidden } from '../../core/format'
import type { AuditLogsMessages } from '../../core/messages'
import { ExpandableText, TEXT_PREVIEW } from '../ExpandableText/ExpandableText'

type Messages = Pick<AuditLogsMessages, 'jsonShowMore' | 'jsonSummary' | 'textShowMore'>

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
  // Arrays by index: `for…in` would first list every index of a 100,000-item array as text.
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length && count <= budget; index += 1) count += countNodes(value[index], budget - count)
    return count
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    count += countNodes((value as Record<string, unknown>)[key], budget - count)
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

function Primitive({ value, messages }: { value: unknown; messages: Messages }) {
  // A long text opens as its beginning, with "Show more".
  if (typeof value === 'string' && value.length > TEXT_PREVIEW) return <ExpandableText text={value} messages={messages} className="ral-json-string" />
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
        <span className="ral-json-key">{name}</span>: <Primitive value={value} messages={messages} />
      </li>
    )
  }
  // Only the drawn children are read: a 100,000-item array opens with its first hundred, nothing copied whole.
  const isArray = Array.isArray(value)
  const count = isArray ? value.length : Object.keys(value).length
  const kind = isArray ? 'array' : 'object'
  const names = (): string[] =>
    isArray ? Array.from({ length: Math.min(shown, count) }, (_, index) => String(index)) : Object.keys(value).slice(0, shown)
  return (
    <li className="ral-json-branch">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>
          <span className="ral-json-key">{name}</span> <span className="ral-json-summary">{messages.jsonSummary(count, kind)}</span>
        </summary>
        {open ? (
          <ul className="ral-json-children">
            {names().map((key) => (
              <JsonNode
                key={key}
                name={key}
                value={(value as Record<string, unknown>)[key]}
                depth={depth + 1}
                openDepth={openDepth}
                messages={messages}
              />
            ))}
            {count > shown ? (
              <li>
                <button type="button" className="ral-button ral-button--small" onClick={() => setShown(shown + CHUNK)}>
                  {messages.jsonShowMore(count - shown)}
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
