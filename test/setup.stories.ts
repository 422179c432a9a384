import { beforeAll } from 'vitest'

import { preloadLazyParts } from './preloadLazyParts'

// The story tests run on Vite's dev server: the lazy parts are transformed before the first story plays.
beforeAll(preloadLazyParts, 60_000)
