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
  createScriptURL: (input) =>
    new URL(input, window.location.href).href === new URL('/mockServiceWorker.js', window.location.href).href ? input : null,
})

/** What the page needs of a composed story. */
interface RunnableStory {
  id: string
  tags: string[]
  args: Record<string, unknown>
  run: (context: { canvasElement: HTMLElement; args: Record<string, unknown> }) => Promise<void>
}

setProjectAnnotations([preview])
const modules = import.meta.glob<Parameters<typeof composeStories>[0]>(['../../src/**/*.stories.tsx', '../../stories/**/*.stories.tsx'], {
  eager: true,
})
const stories = Object.values(modules).flatMap((module) => Object.values(composeStories(module)) as unknown as RunnableStory[])

/** `?args=count:100000;label:x`, Storybook's own URL form; numbers become numbers. */
function argsFrom(text: string | null): Record<string, unknown> {
  const pairs = (text ?? '')
    .split(';')
    .filter(Boolean)
    .map((pair) => pair.split(':'))
  return Object.fromEntries(pairs.map(([key = '', value = '']) => [key, value !== '' && !Number.isNaN(Number(value)) ? Number(value) : value]))
}

const harness = window as Harness
const params = new URLSearchParams(window.location.search)
const id = params.get('story')
const root = document.getElementById('root')
if (id === null || !root) {
  // As in the Storybook test run: stories tagged `!test` (the benchmarks) are not tests.
  harness.stories = stories.filter((story) => !story.tags.includes('!test')).map((story) => story.id)
} else {
  const story = stories.find((candidate) => candidate.id === id)
  try {
    if (!story) throw new Error(`no story ${id}`)
    await story.run({ canvasElement: root, args: { ...story.args, ...argsFrom(params.get('args')) } })
    harness.result = 'passed'
  } catch (error) {
    harness.result = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
}
