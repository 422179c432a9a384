import 'react-audit-logs/styles.css'
import './portal.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { AdminPortal } from './AdminPortal'
import { startMockApi } from './mockApi'

const root = document.getElementById('root')
if (!root) throw new Error('no #root element')

await startMockApi()
createRoot(root).render(
  <StrictMode>
    <AdminPortal />
  </StrictMode>,
)
