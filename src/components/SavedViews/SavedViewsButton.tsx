import { Suspense } from 'react'

import { useViewerConfig } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { GuardedPart } from '../PartBoundary/PartBoundary'
import { Popover } from '../Popover/Popover'
import { DefaultView, SavedViewsPanel } from './SavedViewsPanel'

export interface SavedViewsButtonProps {
  /** Whether the person may share views and set the tenant's default (the `configure` permission). */
  canConfigure: boolean
}

/**
 * "Views" in the command bar, with the saved views panel under it, and the tenant's default view applied when
 * the viewer opened on no search of its own. One lazy chunk: a viewer whose adapter keeps no views never loads it.
 */
export function SavedViewsButton({ canConfigure }: SavedViewsButtonProps) {
  const { messages: provided } = useViewerConfig('SavedViewsButton')
  const messages = useAllMessages(provided)
  return (
    <>
      <Popover className="ral-views-button" title={messages.viewsTitle} label={messages.viewsToggle}>
        {(close) => (
          <GuardedPart part="views">
            <SavedViewsPanel canConfigure={canConfigure} onApplied={close} />
          </GuardedPart>
        )}
      </Popover>
      <GuardedPart part="views">
        <Suspense fallback={null}>
          <DefaultView />
        </Suspense>
      </GuardedPart>
    </>
  )
}
