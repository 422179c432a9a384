import '../src/styles.css'

import type { Decorator, Preview } from '@storybook/react-vite'
import { mswLoader } from 'msw-storybook-addon/csf3'
import { configure } from 'storybook/test'

import { germanMessages } from '../src/core/messages.de'

// Play functions wait for what a person would wait for, with a bound that fits a cold start on a busy machine.
configure({ asyncUtilTimeout: 5_000 })

/**
 * Any story in German or right to left (the toolbar's Language and Direction, or `globals=lang:de;dir:rtl` in
 * the URL): the layout check drives every story through both. A story whose own render ignores its args keeps
 * its own words; the direction reaches every story.
 */
const languageAndDirection: Decorator = (Story, context) => {
  const german = context.globals.lang === 'de'
  const rtl = context.globals.dir === 'rtl'
  if (!german && !rtl) return <Story />
  const args = german
    ? { ...context.args, locale: 'de-DE', messages: { ...germanMessages, ...(context.args.messages as object | undefined) } }
    : context.args
  return (
    <div dir={rtl ? 'rtl' : 'ltr'} lang={german ? 'de' : 'en'}>
      <Story args={args} />
    </div>
  )
}

const preview: Preview = {
  // A props table for every component, from its TypeScript types and JSDoc.
  tags: ['autodocs'],
  loaders: [mswLoader()],
  decorators: [languageAndDirection],
  globalTypes: {
    lang: {
      description: 'Language of the viewer',
      toolbar: { title: 'Language', icon: 'globe', items: ['en', 'de'], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { lang: 'en', dir: 'ltr' },
  parameters: {
    layout: 'padded',
    // An accessibility violation fails the story's test.
    a11y: { test: 'error' },
    controls: { matchers: { date: /Date$/i } },
  },
}

export default preview
