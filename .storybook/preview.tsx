import '../src/styles.css'

import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'

const preview: Preview = {
  // A props table for every component, from its TypeScript types and JSDoc.
  tags: ['autodocs'],
  loaders: [mswLoader()],
  parameters: {
    layout: 'padded',
    // An accessibility violation fails the story's test.
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/i } },
  },
}

export default preview
