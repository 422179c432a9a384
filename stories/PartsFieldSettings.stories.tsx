import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

import { FieldSettings } from '../src/components/FieldSettings/FieldSettings'
import { withProvider } from './providerDecorator'

/** `FieldSettings` on its own inside `AuditLogsProvider`: its props, for a layout of your own. */
const meta = {
  title: 'Parts/FieldSettings',
  component: FieldSettings,
  decorators: [withProvider()],
  args: {},
} satisfies Meta<typeof FieldSettings>

export default meta

export const Alone: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('region', { name: 'Data structure' })).toBeVisible()
  },
}
