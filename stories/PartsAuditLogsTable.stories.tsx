import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

import { AuditLogsTable } from '../src/components/AuditLogsTable/AuditLogsTable'
import { withProvider } from './providerDecorator'

/**
 * The parts of `AuditLogs`, for a layout of your own: put them inside `AuditLogsProvider` (which holds the
 * adapter, the data structure and the search) in any order. Each part's page documents its props.
 */
const meta = {
  title: 'Parts/AuditLogsTable',
  component: AuditLogsTable,
  decorators: [withProvider()],
  args: { rowHeight: 40, overscan: 10 },
} satisfies Meta<typeof AuditLogsTable>

export default meta

export const Table: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('120 events')).toBeVisible()
  },
}
