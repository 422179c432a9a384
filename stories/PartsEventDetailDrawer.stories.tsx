import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

import { EventDetailDrawer } from '../src/components/EventDetailDrawer/EventDetailDrawer'
import { partEvents, withProvider } from './providerDecorator'

/** `EventDetailDrawer` on its own inside `AuditLogsProvider`: its props, for a layout of your own. */
const meta = {
  title: 'Parts/EventDetailDrawer',
  component: EventDetailDrawer,
  decorators: [withProvider({ defaultOpenEventId: partEvents[0]?.id ?? null })],
  args: {},
} satisfies Meta<typeof EventDetailDrawer>

export default meta

export const Alone: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('dialog')).toBeVisible()
  },
}
