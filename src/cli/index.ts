// The `react-audit-logs` command (package.json "bin"): Node only, never part of the browser entry.
import { verifyCommand } from './verifyCommand'

process.exitCode = verifyCommand(process.argv.slice(2), {
  out: (line) => {
    console.log(line)
  },
  err: (line) => {
    console.error(line)
  },
})
