import '../../src/styles.css'

import { composeStories, setProjectAnnotations } from '@storybook/react-vite'

import preview from '../../.storybook/preview'

interface Harness {
  /** The ids of the stories the test suite runs. */
  stories?: string[]
  /** `passed`, or why the story failed. */
  result?: string
}

// Before any story runs. The CSP allows one Trusted Types policy, "default", and this is it: it lets through
// exactly one script URL, the mock service worker MSW registers for the REST stories, and nothing else. Any
// HTML or script a story or the library tried to write through a DOM sink (innerHTML, eval, script.src…)
// has no policy to pass and is blocked and reported.
interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createScriptURL?: (input: string) => string | null }): unknown
}
const factory = (window as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes
factory?.createPolicy('default', {
  createScriptURL: (input) => (new URL(input, window.location.href).href === new URL('/mockServiceWorker.js', window.location.href).href ? input : null),
})

/** What the page needs of a composed story. */
interface RunnableStory {
  id: string
  tags: string[]
  run: (context: { canvasElement: HTMLElement }) => Promise<void>
}

setProjectAnnotations([preview])
const modules = import.meta.glob<Parameters<typeof composeStories>[0]>(['../../src/**/*.stories.tsx', '../../stories/**/*.stories.tsx'], { eager: true })
const stories = Object.values(modules)
  .flatMap((module) => Object.values(composeStories(module)) as unknown as RunnableStory[])
  // As in the Storybook test run: stories tagged `!test` (the benchmarks) are not tests.
  .filter((story) => !story.tags.includes('!test'))

const harness = window as Harness
const id = new URLSearchParams(window.location.search).get('story')
const root = document.getElementById('root')
if (id === null || !root) {
  harness.stories = stories.map((story) => story.id)
} else {
  const story = stories.find((candidate) => candidate.id === id)
  try {
    if (!story) throw new Error(`no story ${id}`)
    await story.run({ canvasElement: root })
    harness.result = 'passed'
  } catch (error) {
    harness.result = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
}
