import { use } from 'react'

import { coreMessages } from '../../core/messages'
import type { SensitiveKind } from '../../core/sensitive'
import { ConfigContext } from '../AuditLogsProvider/context'

// Apart from the Reveal action: table cells need the placeholder up front, the drawer's reveal loads with it.
/** A value the backend hid: a clear placeholder with its kind, never an empty cell; a narrow column keeps its words in a title. */
export function HiddenValueText({ kind }: { kind: SensitiveKind }) {
  const words = (use(ConfigContext)?.messages ?? coreMessages).hiddenValue(kind)
  return (
    <span className="ral-hidden-value" data-kind={kind} title={words}>
      {words}
    </span>
  )
}
