import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

import { FilterBar } from '../src/components/FilterBar/FilterBar'
import { withProvider } from './providerDecorator'

/** `FilterBar` on its own inside `AuditLogsProvider`: its props, for a layout of your own. */
const meta = {
  title: 'Parts/FilterBar',
  component: FilterBar,
  decorators: [withProvider()],
  args: {},
} satisfies Meta<typeof FilterBar>

export default meta

export const Alone: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Add filter' })).toBeVisible()
  },
}
