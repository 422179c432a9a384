import { fileURLToPath } from 'node:url'

/** Where `npm run demo` and `npm run bench` keep their seeded PostgreSQL between runs (in .gitignore). */
export const DEMO_DATA_DIR = fileURLToPath(new URL('../../.demo-data/postgres', import.meta.url))
