import { describe, expect, it } from 'vitest';
import { COMMANDS, VERSION } from '../../../electron/cli/main';
import packageJson from '../../../package.json';
import { runCli } from './harness';

describe('help and version', () => {
  it('--help lists every command and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command.name}`);
    expect(stdout).toContain('Exit status');
  });

  it.each(COMMANDS.map((c) => c.name))('`%s --help` prints its usage and exits 0', async (name) => {
    const { code, stdout } = await runCli([...name.split(' '), '--help']);
    expect(code).toBe(0);
    expect(stdout.startsWith(`Usage: koodrive-lock ${name}`)).toBe(true);
    const viaHelp = await runCli(['help', ...name.split(' ')]);
    expect(viaHelp.stdout).toBe(stdout);
  });

  it.each([
    ['profile', 'profile list'],
    ['secret', 'secret set'],
  ])('`%s` alone is a usage error listing its sub-commands', async (group, member) => {
    const bare = await runCli([group]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain(`${group}: a sub-command is missing`);
    expect(bare.stderr).toContain(member);
    const help = await runCli([group, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: koodrive-lock ${group} <`);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`koodrive-lock ${packageJson.version}\n`);
    expect(VERSION).toBe(packageJson.version);
  });

  it('no command prints the help on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: koodrive-lock <command>');
  });

  it('an unknown command or option exits 2 with a pointer to --help', async () => {
    const unknown = await runCli(['relase', 'x@1']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "relase"');
    expect(unknown.stderr).toContain('koodrive-lock --help');
    const option = await runCli(['release', '--forse', 'x@1']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Unknown option --forse for `koodrive-lock release`.');
  });

  it('an option of another command is refused, naming the command', async () => {
    const { code, stderr } = await runCli(['history', '--concurrency', '3']);
    expect(code).toBe(2);
    expect(stderr).toContain('`koodrive-lock history` does not take --concurrency.');
    expect(stderr).toContain('koodrive-lock history --help');
  });
});
