import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/main';
import { removeTempDirs, runCli, tempDir } from './harness';

const run = promisify(execFile);

afterAll(removeTempDirs);

async function script(shell: string): Promise<string> {
  const { code, stdout, stderr } = await runCli(['completion', shell]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

/** Whether a shell is installed; zsh and fish tests report themselves skipped without it. */
function has(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

/** What bash's completion offers for the words typed so far (the last one is being completed). */
async function bashComplete(file: string, typed: string[]): Promise<string[]> {
  const words = ['koodrive-lock', ...typed].map((word) => `'${word}'`).join(' ');
  const probe = `source '${file}'; COMP_WORDS=(${words}); COMP_CWORD=${typed.length}; _koodrive_lock; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const { stdout } = await run('bash', ['-c', probe]);
  return stdout.split('\n').filter((line) => line !== '');
}

describe('koodrive-lock completion', () => {
  it('the bash script is valid bash (bash -n) and completes commands, sub-commands, own options and values', async () => {
    const file = path.join(await tempDir(), 'koodrive-lock.bash');
    await fs.writeFile(file, await script('bash'));
    await run('bash', ['-n', file]);

    expect(await bashComplete(file, ['re'])).toEqual(['release', 'renew', 'records']);
    expect(await bashComplete(file, ['profile', ''])).toEqual(
      expect.arrayContaining(['add', 'list', 'show', 'use', 'remove', 'proxy-password']),
    );
    const releaseOptions = await bashComplete(file, ['release', '--d']);
    expect(releaseOptions).toEqual(expect.arrayContaining(['--dry-run', '--data-dir']));
    // Only the command's own options: history takes no --dry-run, release no --module.
    expect(await bashComplete(file, ['history', '--d'])).toEqual(['--data-dir']);
    expect(await bashComplete(file, ['release', '--mod'])).toEqual([]);
    expect(await bashComplete(file, ['create', '--mod'])).toEqual(['--module']);
    // A value after an option is not taken for a command.
    expect(await bashComplete(file, ['--profile', 'prod', 'rel'])).toEqual(['release']);
    expect(await bashComplete(file, ['check', '--auth', ''])).toEqual(['bearer', 'app']);
    expect(await bashComplete(file, ['curl', '--shell', 'p'])).toEqual(['powershell']);
    expect(await bashComplete(file, ['completion', ''])).toEqual(['bash', 'zsh', 'fish', 'powershell']);
    expect(await bashComplete(file, ['help', 'aud'])).toEqual(['audit']);
  });

  it('every command of the table is offered, with every option it takes', async () => {
    const text = await script('bash');
    for (const entry of COMMANDS) {
      const command = await entry.load();
      expect(text).toContain(`'${command.name}') options='`);
      for (const option of command.options)
        expect(text).toMatch(new RegExp(`'${command.name}'\\) options='[^']*--${option}\\b`));
    }
  });

  it.skipIf(!has('zsh'))('the zsh script loads in zsh (zsh -n, then sourced with compinit)', async () => {
    const file = path.join(await tempDir(), 'koodrive-lock.zsh');
    await fs.writeFile(file, await script('zsh'));
    await run('zsh', ['-n', file]);
    const { stdout } = await run('zsh', [
      '-f',
      '-c',
      `autoload -U compinit && compinit -u; source '${file}' && echo loaded`,
    ]);
    expect(stdout.trim()).toBe('loaded');
  });

  it.skipIf(!has('fish'))('the fish script is valid fish and completes commands and own options', async () => {
    const file = path.join(await tempDir(), 'koodrive-lock.fish');
    await fs.writeFile(file, await script('fish'));
    await run('fish', ['--no-execute', file]);
    const complete = async (line: string) =>
      (await run('fish', ['-c', `source '${file}'; complete -C '${line}'`])).stdout
        .split('\n')
        .map((row) => row.split('\t')[0])
        .filter((word) => word !== '');
    expect(await complete('koodrive-lock rel')).toEqual(['release']);
    expect(await complete('koodrive-lock release --dry')).toEqual(['--dry-run']);
    expect(await complete('koodrive-lock history --dry')).toEqual([]);
    expect(await complete('koodrive-lock check --auth ')).toEqual(['app', 'bearer']);
  });

  it('the PowerShell script registers a native completer with every command and its options', async () => {
    const text = await script('powershell');
    expect(text).toContain('Register-ArgumentCompleter -Native -CommandName koodrive-lock');
    expect(text).toContain(`'release' = @('--help', '-h', '--version', '--json'`);
    expect(text).toMatch(/'--auth' = @\('bearer', 'app'\)/);
  });

  it('an unknown or missing shell exits 2', async () => {
    expect((await runCli(['completion'])).code).toBe(2);
    const { code, stderr } = await runCli(['completion', 'tcsh']);
    expect(code).toBe(2);
    expect(stderr).toContain('Give one shell: bash, zsh, fish, powershell.');
  });
});
