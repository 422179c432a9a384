import '../src/styles.css'

import type { Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { configure } from 'storybook/test'

// Play functions wait for what a person would wait for, with a bound that fits a cold start on a busy machine.
configure({ asyncUtilTimeout: 5_000 })

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
