/** Reading from standard input: one line (secret, confirmation), all of it (--file -), or a hidden line on a terminal. */
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CliError } from './cliError';
import { EXIT } from './exitCodes';
import type { CliIo } from './io';

export const LINE_MAX_BYTES = 64 * 1024;

function tooLong(maxBytes: number): CliError {
  return new CliError(`The input is longer than ${maxBytes} bytes; nothing was read.`, EXIT.usage);
}

/**
 * Reads up to `maxBytes` and stops. With `untilNewline`, the first line without its line ending;
 * otherwise everything until end of input. null when the input ends before any byte arrived.
 */
function readStream(stream: Readable, maxBytes: number, untilNewline: boolean): Promise<string | null> {
  if (stream.readableEnded) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (value: string | null, error?: unknown) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
      if (error) reject(error);
      else resolve(value);
    };
    const text = () => Buffer.concat(chunks).toString('utf8');
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      const newline = untilNewline ? bytes.indexOf(0x0a) : -1;
      const kept = newline >= 0 ? bytes.subarray(0, newline) : bytes;
      chunks.push(kept);
      size += kept.length;
      if (size > maxBytes) finish(null, tooLong(maxBytes));
      else if (newline >= 0) finish(text().replace(/\r$/, ''));
    };
    const onEnd = () => finish(size > 0 ? (untilNewline ? text().replace(/\r$/, '') : text()) : null);
    const onError = (error: unknown) => finish(null, error);
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}

export function readFirstLine(stream: Readable, maxBytes = LINE_MAX_BYTES): Promise<string | null> {
  return readStream(stream, maxBytes, true);
}

export async function readAll(stream: Readable, maxBytes: number): Promise<string> {
  return (await readStream(stream, maxBytes, false)) ?? '';
}

/**
 * Reads one line on a terminal in raw mode, echoing nothing. Backspace and Ctrl-U edit, Enter
 * ends, Ctrl-D on an empty line gives null, Ctrl-C throws (exit 130). Arrow keys are ignored.
 */
export function readHiddenLine(io: CliIo, prompt: string, maxChars = LINE_MAX_BYTES): Promise<string | null> {
  const { stdin } = io;
  const setRawMode = stdin.setRawMode?.bind(stdin);
  if (!setRawMode) return readFirstLine(stdin);
  io.stderr.write(prompt);
  setRawMode(true);
  const decoder = new StringDecoder('utf8');
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    let inEscape = false;
    const finish = (value: string | null, error?: unknown) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      setRawMode(false);
      stdin.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      for (const char of text) {
        if (inEscape) {
          // An escape sequence (arrow keys, function keys) ends with a letter or ~.
          if (/[A-Za-z~]/.test(char)) inEscape = false;
          continue;
        }
        if (char === '\r' || char === '\n') return finish(chars.join(''));
        if (char === '\u0003') return finish(null, new CliError('Interrupted; nothing was read.', EXIT.interrupted));
        if (char === '\u0004') return finish(chars.length > 0 ? chars.join('') : null);
        if (char === '\u007f' || char === '\b') chars = chars.slice(0, -1);
        else if (char === '\u0015') chars = [];
        else if (char === '\u001b') inEscape = true;
        else if (char >= ' ') chars.push(char);
        if (chars.length > maxChars) return finish(null, tooLong(maxChars));
      }
    };
    const onEnd = () => finish(chars.length > 0 ? chars.join('') : null);
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.resume();
  });
}

/** A secret from stdin: hidden typing on a terminal, else the first line of what is piped in. */
export function readSecretLine(io: CliIo, prompt: string): Promise<string | null> {
  return io.stdinIsTTY ? readHiddenLine(io, prompt) : readFirstLine(io.stdin);
}

/** Asks on stderr and reads the answer from the terminal; true only for y or yes. */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  io.stderr.write(`${question} [y/N] `);
  const answer = await readFirstLine(io.stdin);
  return answer !== null && /^\s*y(es)?\s*$/i.test(answer);
}

/** A text file of at most `maxBytes`; `what` names it in the error ("--file ids.txt"). Errors exit 2. */
export async function readTextFile(file: string, maxBytes: number, what: string): Promise<string> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new CliError(`${what} is not a file.`, EXIT.usage);
    if (stat.size > maxBytes)
      throw new CliError(`${what} is larger than ${Math.round(maxBytes / 1024)} KiB.`, EXIT.usage);
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    throw new CliError(`Cannot read ${what} (${String(code ?? 'unknown error')}).`, EXIT.usage);
  }
}
