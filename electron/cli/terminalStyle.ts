/**
 * What the CLI may do to a terminal beyond plain lines (docs/cli.md#output). It prints no colour, so NO_COLOR
 * holds by construction; its one control sequence, the batch progress line's erase-and-redraw, needs a
 * terminal that understands it: not a pipe or file, and not TERM=dumb.
 */
import type { CliIo } from './io';

export function canRedrawLine(io: Pick<CliIo, 'stderrIsTTY' | 'env'>): boolean {
  return io.stderrIsTTY && io.env.TERM !== 'dumb';
}
