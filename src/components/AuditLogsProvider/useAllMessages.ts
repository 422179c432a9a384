import { useMemo } from 'react'

import type { AuditLogsMessages, ProvidedMessages } from '../../core/messages'
import { lazyMessages } from '../../core/messages.lazy'
import { investigationMessages } from '../../core/investigationMessages'
import { panelMessages } from '../../core/panelMessages'
import { savedViewsMessages } from '../../core/savedViewsMessages'
import { timelineMessages } from '../../core/timelineMessages'

/** Every message, for the parts that load later (drawer, settings): their defaults under the host's overrides. */
export function useAllMessages(provided: ProvidedMessages): AuditLogsMessages {
  return useMemo(
    () => ({ ...lazyMessages, ...timelineMessages, ...investigationMessages, ...savedViewsMessages, ...panelMessages, ...provided }),
    [provided],
  )
}
