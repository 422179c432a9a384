import { Component, type ErrorInfo, type ReactNode } from 'react'

import { type AuditLogsPart, useViewerConfig, useViewerSelection } from '../AuditLogsProvider/context'

export interface PartBoundaryProps {
  /** Said when the part failed: "This part of the audit log could not be shown." */
  message: string
  /** The Retry button's text. */
  retry: string
  /** A new key (another event opened) starts the part over. */
  resetKey?: unknown
  /** Told of the failure (the viewer's `onError`). */
  onError?: (error: Error) => void
  children: ReactNode
}

interface PartBoundaryState {
  error: Error | null
  resetKey: unknown
}

/**
 * Keeps a failure of one part of the viewer (the drawer on an event it cannot draw, the table, the settings,
 * the export) inside that part: it says so, with Retry, and the rest of the viewer and the host page run on.
 * React catches render errors only in a class component.
 */
export class PartBoundary extends Component<PartBoundaryProps, PartBoundaryState> {
  override state: PartBoundaryState = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<PartBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: PartBoundaryProps, state: PartBoundaryState): Partial<PartBoundaryState> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey }
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError?.(error)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div className="ral-state ral-state--error" role="alert">
        <p>{this.props.message}</p>
        <button type="button" className="ral-button" onClick={() => this.setState({ error: null })}>
          {this.props.retry}
        </button>
      </div>
    )
  }
}

/** A `PartBoundary` worded by the viewer's messages, reporting to its `onError`; `event` ties it to the open event. */
export function GuardedPart({ part, children }: { part: AuditLogsPart; children: ReactNode }) {
  const { messages, reportError } = useViewerConfig('GuardedPart')
  const { openEventId } = useViewerSelection('GuardedPart')
  const eventId = part === 'event' ? (openEventId ?? undefined) : undefined
  return (
    <PartBoundary message={messages.partFailed(eventId)} retry={messages.retry} resetKey={eventId} onError={(error) => reportError(error, part)}>
      {children}
    </PartBoundary>
  )
}
