import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../../electron/cli/didYouMean';
import { COMMANDS } from '../../../electron/cli/main';
import { GLOBAL_OPTIONS } from '../../../electron/cli/options';
import { runCli } from './harness';

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('release', 'release')).toBe(0);
    expect(editDistance('relase', 'release')).toBe(1);
    expect(editDistance('relaese', 'release')).toBe(1);
    expect(editDistance('rlease', 'release')).toBe(1);
    expect(editDistance('reléase', 'release')).toBe(1);
    expect(editDistance('renew', 'release')).toBeGreaterThan(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('offers the closest candidate within 2 edits, case-insensitively, or nothing', () => {
    expect(closest('RELASE', ['renew', 'release'])).toBe('release');
    expect(closest('chek', ['check', 'create'])).toBe('check');
    expect(closest('xyz', ['check', 'create'])).toBeNull();
  });

  it('an unknown command names the closest one (exit 2)', async () => {
    const { code, stderr } = await runCli(['relase', 'a@1']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'koodrive-lock: Unknown command "relase". Did you mean `koodrive-lock release`?\nRun `koodrive-lock --help` for usage.\n',
    );
    const far = await runCli(['frobnicate']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('Did you mean');
  });

  it('an unknown sub-command names the closest one of its group', async () => {
    const { code, stderr } = await runCli(['profile', 'lst']);
    expect(code).toBe(2);
    expect(stderr).toContain('profile: unknown sub-command "lst". Did you mean `koodrive-lock profile list`?');
  });

  it("an unknown option names the closest of the command's own options, not Node's parser message", async () => {
    const { code, stderr } = await runCli(['release', '--dryrun', 'a@1']);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown option --dryrun for `koodrive-lock release`. Did you mean --dry-run?');
    expect(stderr).toContain('Run `koodrive-lock release --help` for usage.');
    expect(stderr).not.toContain('ERR_PARSE_ARGS');

    // --dry-run is not history's, so it is not offered there.
    const history = await runCli(['history', '--dryrun']);
    expect(history.stderr).toContain('Unknown option --dryrun for `koodrive-lock history`. (');
    const beforeCommand = await runCli(['--verbos', 'check']);
    expect(beforeCommand.stderr).toContain(
      'Unknown option --verbos for `koodrive-lock check`. Did you mean --verbose?',
    );
  });

  it('a missing value, a value that looks like an option and a value for a switch are said plainly, without echoing values', async () => {
    const missing = await runCli(['release', 'a@1', '--profile']);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('koodrive-lock: --profile needs a value.\nRun `koodrive-lock release --help`');
    const swallowed = await runCli(['release', '--profile', '--json', 'a@1']);
    expect(swallowed.stderr).toContain('--profile is followed by another option instead of its value');
    const switchValue = await runCli(['release', '--secret-stdin=s3cr3t-t0ken', 'a@1']);
    expect(switchValue.code).toBe(2);
    expect(switchValue.stderr).toContain('--secret-stdin takes no value.');
    expect(switchValue.stderr).not.toContain('s3cr3t-t0ken');
  });

  it('release and renew no longer take --module (the lock ID names the module); create still does', async () => {
    const release = await runCli(['release', '--module', '100', 'a@1']);
    expect(release.code).toBe(2);
    expect(release.stderr).toContain('`koodrive-lock release` does not take --module.');
  });
});

describe('help per command', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))(
    '%s --help lists exactly the options it takes',
    async (_name, entry) => {
      const command = await entry.load();
      const accepted = new Set<string>([...GLOBAL_OPTIONS, ...command.options]);
      const rows = [...command.help.matchAll(/^\s+(?:-\w, )?--([a-z-]+)/gm)].map((match) => match[1]);
      const mentioned = new Set([...command.help.matchAll(/--([a-z][a-z-]*)/g)].map((match) => match[1]));
      expect(rows.filter((option) => !accepted.has(option))).toEqual([]);
      expect([...accepted].filter((option) => !mentioned.has(option))).toEqual([]);
    },
  );
});
