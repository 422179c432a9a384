import 'react-audit-logs/styles.css'
import './portal.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { AdminPortal } from './AdminPortal'
import { startMockApi } from './mockApi'

const root = document.getElementById('root')
if (!root) throw new Error('no #root element')

// `npm run demo` serves the portal against react-audit-logs/server; `demo:mock` and the built demo mock it with MSW.
if (import.meta.env.VITE_AUDIT_API !== 'server') await startMockApi()
createRoot(root).render(
  <StrictMode>
    <AdminPortal />
  </StrictMode>,
)
