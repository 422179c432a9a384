import { useMemo, useState } from 'react'
import { AuditLogs, createFetchAdapter } from 'react-audit-logs'

type Role = 'member' | 'auditor' | 'owner'

/** Against react-audit-logs/server (`npm run demo`): the export is made by the server. */
const SERVER = import.meta.env.VITE_AUDIT_API === 'server'

const TENANTS = ['acme', 'globex', 'initech'] as const

/** What each role may do with the audit log (the seeds gate it behind a role permission). */
const PERMISSIONS: Record<Role, { canView: boolean; canExport: boolean; canConfigure: boolean; canReveal: boolean }> = {
  member: { canView: false, canExport: false, canConfigure: false, canReveal: false },
  auditor: { canView: true, canExport: true, canConfigure: false, canReveal: false },
  owner: { canView: true, canExport: true, canConfigure: true, canReveal: true },
}

/** A small admin portal, as a SaaS team would embed the viewer in it. */
export function AdminPortal() {
  const [tenant, setTenant] = useState<string>('acme')
  const [role, setRole] = useState<Role>('owner')
  const [enabled, setEnabled] = useState(true)
  // On a phone the navigation folds behind a Menu button.
  const [menuOpen, setMenuOpen] = useState(false)
  // The portal's session, as the host's sign-in would make it: the server's resolveTenant and authorize read it
  // (`npm run demo`); the tenant also travels as the viewer's x-tenant-id header, which the mock reads.
  const adapter = useMemo(
    () =>
      createFetchAdapter({
        baseUrl: '/api/audit-logs',
        headers: { authorization: `Bearer demo.${tenant}.${role}` },
        fieldConfigPath: '/field-config',
        // The mock and the server both answer GET /field-values and apply exclude.<key>.
        fieldValuesPath: '/field-values',
        supportsExclude: true,
        // The server hides sensitive values and answers GET /events/{id}/reveal for a role allowed to reveal.
        ...(SERVER ? { serverExport: (request) => ({ path: '/export', body: request }), supportsReveal: true } : {}),
      }),
    [tenant, role],
  )

  return (
    <div className="portal">
      <nav className="portal-nav" aria-label="Admin portal" data-open={menuOpen || undefined}>
        <strong>Acme Cloud</strong>
        <button type="button" className="portal-menu" aria-expanded={menuOpen} onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <a href="#users">Users</a>
        <a href="#billing">Billing</a>
        <a href="#audit" aria-current="page">
          Audit logs
        </a>
      </nav>
      <main className="portal-main">
        <header className="portal-header">
          <h1>Audit logs</h1>
          <label>
            Tenant{' '}
            <select value={tenant} onChange={(event) => setTenant(event.target.value)}>
              {TENANTS.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
          <label>
            Role{' '}
            <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
              <option value="member">Member (no audit-log permission)</option>
              <option value="auditor">Auditor (view and download)</option>
              <option value="owner">Owner (everything)</option>
            </select>
          </label>
          {role === 'owner' ? (
            <label>
              <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> Audit logs enabled
            </label>
          ) : null}
        </header>
        <AuditLogs
          // A new tenant is a new viewer: its own search, cache entries and URL state.
          key={tenant}
          adapter={adapter}
          tenantId={tenant}
          {...PERMISSIONS[role]}
          enabled={enabled}
          {...(role === 'owner' ? { onEnable: () => setEnabled(true) } : {})}
          urlState={{ prefix: 'audit.' }}
          refreshInterval={15_000}
        />
      </main>
    </div>
  )
}
