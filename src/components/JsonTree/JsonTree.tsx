import { useState } from 'react'

import { revealHidden } from '../../core/format'
import { pathOfSegments } from '../../core/marks'
import { isHiddenValue } from '../../core/sensitive'
import type { AuditLogsMessages } from '../../core/messages'
import { ExpandableText } from '../ExpandableText/ExpandableText'
import { HiddenField } from '../HiddenValue/HiddenValue'

type Messages = Pick<AuditLogsMessages, 'jsonShowMore' | 'jsonSummary' | 'textShowMore'>

export interface JsonTreeProps {
  value: unknown
  /** Name of the root, e.g. "payload". */
  label: string
  messages: Messages
  /** Where the root is in its event (`['payload']`): a hidden value inside names its path for a reveal. */
  path?: ReadonlyArray<string | number>
  /** Whether the root starts open (the default); closed, the tree draws nothing until someone opens it. */
  defaultOpen?: boolean
}

/** Children drawn per step, so a 1 MB payload opens at once and grows only as far as someone reads. */
const CHUNK = 100
/** A branch with at most this many children opens by itself (down to `OPEN_DEPTH`); a bigger one waits for a click. */
const SMALL = 8
const OPEN_DEPTH = 3
/** Characters of a string value drawn at first: a tree line, not a page; "Show more" draws the rest. */
const STRING_PREVIEW = 300

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
  if (typeof value === 'string' && value.length > STRING_PREVIEW) {
    return <ExpandableText text={value} messages={messages} className="ral-json-string" preview={STRING_PREVIEW} />
  }
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
  path: ReadonlyArray<string | number>
  value: unknown
  depth: number
  /** Whether the parent opened by itself: below a branch someone opened, nothing opens unasked. */
  auto: boolean
  messages: Messages
}

/** Children of a branch: an array's length, an object's own keys (its values are not read). */
const childCount = (value: object): number => (Array.isArray(value) ? value.length : Object.keys(value).length)

function JsonNode({ name, path, value, depth, auto, messages, rootOpen = true }: NodeProps & { rootOpen?: boolean }) {
  const isContainer = typeof value === 'object' && value !== null && !isHiddenValue(value)
  // The root opens; below it a small branch opens by itself, while its parents did too. A closed branch
  // draws and reads nothing inside it: a 2,000-item array shows its length until it is opened.
  const [openedByItself] = useState(() => isContainer && auto && (depth === 0 ? rootOpen : depth < OPEN_DEPTH && childCount(value) <= SMALL))
  const [open, setOpen] = useState(openedByItself)
  const [shown, setShown] = useState(CHUNK)
  if (!isContainer) {
    return (
      <li className="ral-json-leaf">
        <span className="ral-json-key">{name}</span>:{' '}
        {isHiddenValue(value) ? (
          <HiddenField kind={value.$hidden} path={pathOfSegments(path)} label={pathOfSegments(path)} />
        ) : (
          <Primitive value={value} messages={messages} />
        )}
      </li>
    )
  }
  // Only the drawn children are read: a 100,000-item array opens with its first hundred, nothing copied whole.
  const isArray = Array.isArray(value)
  const count = childCount(value)
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
                path={[...path, isArray ? Number(key) : key]}
                value={(value as Record<string, unknown>)[key]}
                depth={depth + 1}
                auto={openedByItself}
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
 * A JSON value as a collapsible tree of text nodes (never HTML). The root and small branches open; a big
 * branch draws its children only when opened, a hundred at a time, and a long string its first characters.
 */
export function JsonTree({ value, label, messages, path = [label], defaultOpen = true }: JsonTreeProps) {
  return (
    <ul className="ral-json" aria-label={label}>
      <JsonNode name={label} path={path} value={value} depth={0} auto messages={messages} rootOpen={defaultOpen} />
    </ul>
  )
}
