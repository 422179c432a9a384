import { beforeAll } from 'vitest'

import { preloadLazyParts } from './preloadLazyParts'

// Tests run on Vite's dev server: the lazy parts are transformed before the first test renders them.
beforeAll(preloadLazyParts, 60_000)
