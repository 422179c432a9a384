import { type AuditLogsMessages, coreMessages } from './messages'
import { lazyMessages } from './messages.lazy'
import { investigationMessages } from './investigationMessages'
import { panelMessages } from './panelMessages'
import { savedViewsMessages } from './savedViewsMessages'
import { timelineMessages } from './timelineMessages'

/** Every default English message; override any of them with the `messages` prop. */
export const defaultMessages: AuditLogsMessages = {
  ...coreMessages,
  ...lazyMessages,
  ...timelineMessages,
  ...investigationMessages,
  ...savedViewsMessages,
  ...panelMessages,
}
