import { noticeMessages } from './noticeMessages'
import { drawerMessages } from './drawerMessages'
import { recordMessages } from './recordMessages'
import { integrityMessages } from './integrityMessages'
import { exportMessages } from './exportMessages'
import { searchFormMessages } from './searchFormMessages'
import { settingsMessages } from './settingsMessages'

/**
 * The default English messages of the parts that load later (drawer, settings, the search forms, the notices,
 * the export's status): they load with those parts, never up front.
 */
export const lazyMessages = {
  ...noticeMessages,
  ...drawerMessages,
  ...recordMessages,
  ...integrityMessages,
  ...exportMessages,
  ...searchFormMessages,
  ...settingsMessages,
}
