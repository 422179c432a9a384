import { configure } from '@testing-library/react'
import { beforeAll } from 'vitest'

import { preloadLazyParts } from './preloadLazyParts'

// Waits for what a person would wait for, with a bound that fits a cold start on a busy two-core machine.
configure({ asyncUtilTimeout: 5_000 })

beforeAll(preloadLazyParts, 60_000)
