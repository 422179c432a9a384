import { type KeyboardEvent, useEffect, useId, useRef } from 'react'

import { formatDateTime, revealHidden } from '../../core/format'
import { fieldValue } from '../../core/fields'
import type { AuditEvent, AuditField } from '../../core/types'
import { callOptions } from '../../adapter/types'
import { useAuditEvent } from '../../hooks/useAuditEvent'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { ErrorNotice } from '../ErrorNotice/ErrorNotice'
import { addFilter } from '../FilterBar/addFilter'
import { Icon } from '../Icon/Icon'
import { RevealContext, type Revealer } from '../HiddenValue/HiddenValue'
import EventDetails from './EventDetails'
import { IntegrityAlert } from './IntegrityAlert'
import { IntegrityBlock } from './IntegrityBlock'
import { InvestigationMoves } from './InvestigationMoves'
import { EventSummary } from './EventSummary'

export interface EventDetailDrawerProps {
  className?: string
  /**
   * Set this to `true` for a person allowed to see hidden values: each shows a Reveal button that asks the
   * adapter (`revealValue`) for that one value, a reveal the backend records. Defaults to `false`.
   */
  canReveal?: boolean
}

const isTyping = (target: EventTarget): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** Fields that name what happened, for a backend whose events have no `action` (Okta's `eventType`, Azure's `operationName`). */
const ACTION_KEY = /(^|\.)(action|eventName|eventType|operationName|methodName|verb|displayMessage)(\.value)?$/i

/** The event's action as the drawer's title, cut to a title's length (an action may be megabytes). */
function titleOf<TEvent extends AuditEvent>(event: TEvent, fields: readonly AuditField<TEvent>[], fallback: string): string {
  let action = event.action
  for (const field of fields) {
    if (typeof action === 'string' && action !== '') break
    if (ACTION_KEY.test(field.key)) action = fieldValue(field, event)
  }
  if (typeof action !== 'string' || action === '') return fallback
  return revealHidden(action.length > TITLE_LENGTH ? `${action.slice(0, TITLE_LENGTH)}…` : action)
}

const TITLE_LENGTH = 200

/**
 * The whole record of the open event in a side drawer: a native modal `<dialog>`, so focus stays inside,
 * Esc closes and the page behind is inert. Focus returns to the event's row on close.
 */
export function EventDetailDrawer({ className, canReveal = false }: EventDetailDrawerProps) {
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
  // A reveal is offered only to a person allowed to, by an adapter that can: each is one call, recorded by the backend.
  const revealerFor = (eventId: string): Revealer | null =>
    canReveal && adapter.revealValue
      ? { reveal: async (path) => adapter.revealValue?.(eventId, path, callOptions(new AbortController().signal, tenantId)), messages }
      : null
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
    // This render's event; the last one opened when the host closed the drawer (its effect keeps that one).
    const id = openEventId ?? lastOpenId.current
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

  const heading = event ? titleOf(event, fields, messages.eventFallbackTitle) : messages.eventFallbackTitle
  // The dialog's name says what and when, as a row reads.
  const name = event ? `${heading} · ${formatDateTime(event.createdAt, format)}` : heading

  return (
    <dialog ref={dialogRef} className={['ral-drawer', className].filter(Boolean).join(' ')} aria-label={name} onClose={onClose} onKeyDown={onKeyDown}>
      {openEventId === null ? null : (
        <>
          {/* Only this bar stays pinned while the body scrolls: one line, the same for every event. */}
          <header className="ral-drawer-header">
            <div className="ral-drawer-nav">
              <button
                type="button"
                className="ral-nav-button"
                onClick={() => void goTo(-1)}
                disabled={!hasPrevious}
                aria-label={messages.previousEvent}
                aria-keyshortcuts="p"
                title={`${messages.previousEvent} (P)`}
              >
                <Icon name="up" />
                <kbd aria-hidden="true">P</kbd>
              </button>
              <button
                type="button"
                className="ral-nav-button"
                onClick={() => void goTo(1)}
                disabled={!hasNext || result.isFetchingNextPage}
                aria-label={messages.nextEvent}
                aria-keyshortcuts="n"
                title={`${messages.nextEvent} (N)`}
              >
                <Icon name="down" />
                <kbd aria-hidden="true">N</kbd>
              </button>
            </div>
            {/* One line, cut with "…"; the title and the dialog's name hold the whole. */}
            <h2 id={titleId} className="ral-drawer-title" title={heading}>
              {heading}
            </h2>
            <button
              ref={closeRef}
              type="button"
              className="ral-icon-button ral-drawer-close"
              aria-label={messages.close}
              title={`${messages.close} (Esc)`}
              onClick={() => dialogRef.current?.close()}
            >
              <Icon name="close" />
            </button>
          </header>
          {event ? (
            <div className="ral-drawer-lead">
              <EventSummary event={event} fields={fields} format={format} messages={messages} />
              <InvestigationMoves event={event} messages={messages} onMoved={() => dialogRef.current?.close()} />
            </div>
          ) : null}
          <div className="ral-drawer-body">
            {event && adapter.verifyIntegrity ? (
              <IntegrityAlert adapter={adapter} eventId={event.id} tenantId={tenantId} messages={messages} />
            ) : null}
            {loading ? (
              <p className="ral-state" role="status">
                {messages.loadingEvent}
              </p>
            ) : null}
            {full.error ? <ErrorNotice title={messages.eventLoadError} error={full.error} part="event" onRetry={full.retry} /> : null}
            {event ? (
              <RevealContext value={revealerFor(event.id)}>
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
              </RevealContext>
            ) : loading ? null : (
              <p className="ral-state">{messages.eventNotLoaded}</p>
            )}
            {event && adapter.verifyIntegrity ? (
              <IntegrityBlock adapter={adapter} eventId={event.id} tenantId={tenantId} messages={messages} />
            ) : null}
          </div>
        </>
      )}
    </dialog>
  )
}
