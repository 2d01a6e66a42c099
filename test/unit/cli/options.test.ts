import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/cliError';
import { checkAllowedOptions, integerOption, parseCommandLine } from '../../../electron/cli/options';

describe('parseCommandLine', () => {
  it('accepts options before and after the command and keeps positionals in order', () => {
    const line = parseCommandLine(['--json', 'release', 'a@1', '--profile', 'prod', 'b@2', '--concurrency=8', '-y']);
    expect(line.positionals).toEqual(['release', 'a@1', 'b@2']);
    expect(line.values).toMatchObject({ json: true, profile: 'prod', concurrency: '8', yes: true });
    expect(line.given.map((g) => g.raw)).toEqual(['--json', '--profile', '--concurrency', '-y']);
  });

  it('treats everything after -- as positionals, so an ID may start with a dash', () => {
    const line = parseCommandLine(['release', '--', '-odd-id@1', '--json']);
    expect(line.positionals).toEqual(['release', '-odd-id@1', '--json']);
    expect(line.values.json).toBeUndefined();
  });

  it.each([
    [['release', '--bogus'], /Unknown option '--bogus'/],
    [['release', '--profile'], /--profile/],
    [['release', '--json=yes'], /--json/],
    [['release', '--profile', '--json'], /ambiguous/],
  ])('rejects %j with a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});

describe('checkAllowedOptions', () => {
  it('accepts global options and the command’s own', () => {
    const line = parseCommandLine(['history', '--json', '--limit', '3', '--verbose']);
    expect(() => checkAllowedOptions(line, ['limit'], 'history')).not.toThrow();
  });

  it('names the first option the command does not take, as typed', () => {
    const line = parseCommandLine(['history', '-y']);
    expect(() => checkAllowedOptions(line, ['limit'], 'history')).toThrow('`koodrive-lock history` does not take -y.');
  });
});

describe('integerOption', () => {
  const range = { min: 1, max: 32, fallback: 4 };
  it('gives the fallback when absent and the number when in range', () => {
    expect(integerOption({}, 'concurrency', range)).toBe(4);
    expect(integerOption({ concurrency: '32' }, 'concurrency', range)).toBe(32);
    expect(integerOption({ concurrency: ' 1 ' }, 'concurrency', range)).toBe(1);
  });

  it.each(['0', '33', '1.5', '-1', 'eight', '', '1e1', '0x10'])('rejects %j', (text) => {
    expect(() => integerOption({ concurrency: text }, 'concurrency', range)).toThrow(
      '--concurrency must be a whole number from 1 to 32.',
    );
  });
});
