import { type KeyboardEvent, useEffect, useId, useRef } from 'react'

import { formatDateTime, revealHidden } from '../../core/format'
import type { AuditEvent } from '../../core/types'
import { useAuditEvent } from '../../hooks/useAuditEvent'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { ErrorNotice } from '../ErrorNotice/ErrorNotice'
import { addFilter } from '../FilterBar/filters'
import EventDetails from './EventDetails'

export interface EventDetailDrawerProps {
  className?: string
}

const isTyping = (target: EventTarget): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** The event's action as the drawer's title, cut to a title's length (an action may be megabytes). */
function titleOf(event: AuditEvent, fallback: string): string {
  if (typeof event.action !== 'string' || event.action === '') return fallback
  return revealHidden(event.action.length > TITLE_LENGTH ? `${event.action.slice(0, TITLE_LENGTH)}…` : event.action)
}

const TITLE_LENGTH = 200

/**
 * The whole record of the open event in a side drawer: a native modal `<dialog>`, so focus stays inside,
 * Esc closes and the page behind is inert. Focus returns to the event's row on close.
 */
export function EventDetailDrawer({ className }: EventDetailDrawerProps) {
  const {
    adapter,
    fields,
    format,
    messages: provided,
    result,
    openEventId,
    setOpenEventId,
    focusRowRef,
    setSearch,
    tenantId,
  } = useAuditLogsContext('EventDetailDrawer')
  const messages = useAllMessages(provided)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const lastOpenId = useRef<string | null>(null)
  const titleId = useId()

  const { events, eventKey } = result
  const index = openEventId === null ? -1 : events.findIndex((event) => eventKey(event) === openEventId)
  const loadedEvent = events[index]
  // The full record is asked for by the event's id; one of several events that share an id (a key of its own),
  // or one the host identifies otherwise, is shown as loaded: the backend could not say which one it is.
  const fetchById = loadedEvent === undefined || loadedEvent.id === openEventId
  const full = useAuditEvent(adapter, fetchById ? openEventId : null, tenantId)
  const event = full.event ?? loadedEvent
  // Either the full record or the list that may hold the event is still on its way.
  const loading = full.isLoading || (!event && result.status === 'pending')

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    if (openEventId !== null) {
      lastOpenId.current = openEventId
      if (!dialog.open) {
        dialog.showModal()
        closeRef.current?.focus()
      }
    } else if (dialog.open) {
      dialog.close()
    }
  }, [openEventId])

  // The dialog closed (Esc, the close button, or the host): sync the state and put focus back on the row.
  const onClose = (): void => {
    setOpenEventId(null)
    const id = lastOpenId.current
    if (id !== null) focusRowRef.current?.(id)
  }

  const hasPrevious = index > 0
  const hasNext = index >= 0 && (index < events.length - 1 || result.hasNextPage)
  const goTo = async (step: 1 | -1): Promise<void> => {
    const target = events[index + step]
    if (target) {
      setOpenEventId(eventKey(target))
      return
    }
    if (step === 1 && result.hasNextPage && openEventId !== null) {
      const loaded = await result.fetchNextPage()
      const next = loaded[loaded.findIndex((candidate) => eventKey(candidate) === openEventId) + 1]
      if (next) setOpenEventId(eventKey(next))
    }
  }

  const onKeyDown = (keyEvent: KeyboardEvent<HTMLDialogElement>): void => {
    if (keyEvent.altKey || keyEvent.ctrlKey || keyEvent.metaKey || isTyping(keyEvent.target)) return
    if (keyEvent.key === 'n' && hasNext) void goTo(1)
    if (keyEvent.key === 'p' && hasPrevious) void goTo(-1)
  }

  const title = event ? `${titleOf(event, messages.eventFallbackTitle)} · ${formatDateTime(event.createdAt, format)}` : messages.eventFallbackTitle

  return (
    <dialog
      ref={dialogRef}
      className={['ral-drawer', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      {openEventId === null ? null : (
        <>
          <header className="ral-drawer-header">
            <h2 id={titleId} className="ral-drawer-title">
              {title}
            </h2>
            <div className="ral-drawer-actions">
              <button
                type="button"
                className="ral-button"
                onClick={() => void goTo(-1)}
                disabled={!hasPrevious}
                aria-keyshortcuts="p"
                title={`${messages.previousEvent} (P)`}
              >
                <span aria-hidden="true">↑ </span>
                {messages.previousEvent}
              </button>
              <button
                type="button"
                className="ral-button"
                onClick={() => void goTo(1)}
                disabled={!hasNext || result.isFetchingNextPage}
                aria-keyshortcuts="n"
                title={`${messages.nextEvent} (N)`}
              >
                <span aria-hidden="true">↓ </span>
                {messages.nextEvent}
              </button>
              <button ref={closeRef} type="button" className="ral-button" onClick={() => dialogRef.current?.close()}>
                {messages.close}
              </button>
            </div>
          </header>
          <div className="ral-drawer-body">
            {loading ? (
              <p className="ral-state" role="status">
                {messages.loadingEvent}
              </p>
            ) : null}
            {full.error ? <ErrorNotice title={messages.eventLoadError} error={full.error} part="event" onRetry={full.retry} /> : null}
            {event ? (
              <EventDetails
                event={event}
                fields={fields}
                format={format}
                messages={messages}
                capabilities={adapter}
                onFilter={(key, value) => {
                  setSearch((previous) => addFilter(previous, key, value))
                  dialogRef.current?.close()
                }}
              />
            ) : loading ? null : (
              <p className="ral-state">{messages.eventNotLoaded}</p>
            )}
          </div>
        </>
      )}
    </dialog>
  )
}
