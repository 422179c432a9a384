import type { Decorator } from '@storybook/react-vite'
import { type ReactNode, useState } from 'react'

import { createMemoryAdapter } from '../src/adapter/memoryAdapter'
import { AuditLogsProvider, type AuditLogsProviderProps } from '../src/components/AuditLogsProvider/AuditLogsProvider'
import { germanMessages } from '../src/core/messages.de'
import { generateAuditEvents } from '../src/msw/generateEvents'

export const partEvents = generateAuditEvents({ count: 120, seed: 61, end: Date.UTC(2026, 10, 23, 12), hostileEvery: 0 })

function Provider({ children, ...props }: Omit<AuditLogsProviderProps, 'adapter'> & { children: ReactNode }) {
  const [adapter] = useState(() => createMemoryAdapter(partEvents, { fieldConfig: [] }))
  return (
    <AuditLogsProvider adapter={adapter} timeZone="UTC" locale="en-US" {...props}>
      <div className="ral-root">{children}</div>
    </AuditLogsProvider>
  )
}

/** Renders a part inside `AuditLogsProvider`, as a custom layout composes them (in German when the toolbar says so). */
export const withProvider =
  (props: Omit<AuditLogsProviderProps, 'adapter' | 'children'> = {}): Decorator =>
  (Story, context) => (
    <Provider {...props} {...(context.globals.lang === 'de' ? { messages: germanMessages, locale: 'de-DE' } : {})}>
      <Story />
    </Provider>
  )
