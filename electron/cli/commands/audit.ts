/** koodrive-lock audit verify: checks the audit log's hash chain (docs/faults-and-safeguards.md, "Audit log"). */
import { AuditLogError } from '../../core/audit/auditLogError';
import { brokenAt, verifyAuditLog } from '../../core/audit/verifyAuditLog';
import { CliError, UsageError } from '../cliError';
import type { Command } from '../command';
import { writeJsonLine } from '../command';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'check that the audit log was not changed (hash chain)',
  options: [],
  help: `Usage: koodrive-lock audit verify [--json]

Checks the hash chain of the audit log in the data folder, from the oldest kept file (archived and
rotated ones included) to the live audit.jsonl. Every entry carries the hash of the entry before it,
so a changed byte, a removed, inserted or reordered line, a missing file or a truncated file shows.
Exit status: 0 intact; 1 broken (the first broken entry is named: file, line, what is wrong);
2 usage error; 4 the log could not be read.
With --json, one object: {"intact":true,...} or {"intact":false,"file":...,"line":...,"problem":...}.

${GLOBAL_HELP}`,

  async run(context) {
    const { io, values } = context;
    if (context.operands.length > 0) {
      throw new UsageError('audit verify takes no arguments (see --help).', 'audit verify');
    }
    let result;
    try {
      result = await verifyAuditLog(context.dataDir);
    } catch (error) {
      if (error instanceof AuditLogError) throw new CliError(error.message, EXIT.internal);
      throw error;
    }
    if (values.json) writeJsonLine(io, result);
    if (result.intact) {
      if (!values.json) {
        const older = result.unchained > 0 ? ` (${result.unchained} older entries predate the chain)` : '';
        io.stdout.write(`Audit log intact: ${result.entries} entries in ${result.files.length} file(s)${older}.\n`);
      }
      return EXIT.ok;
    }
    io.stderr.write(
      `koodrive-lock: audit log BROKEN at ${brokenAt(result)} (${result.file}): ${result.problem}. ` +
        `${result.entries} entries before it check out. Keep the files as they are for investigation.\n`,
    );
    return EXIT.refused;
  },
};
