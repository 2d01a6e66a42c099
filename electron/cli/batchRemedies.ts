/**
 * A batch's remedies, each printed once: a failure line names its remedy by number ("remedy 1") and the
 * summary prints every remedy once with how many failures it is for (docs/cli.md#output).
 */
import { printable } from './formatResult';

export interface BatchRemedies {
  /** The number of this remedy text, given in order of first appearance. */
  numberOf(remedy: string): number;
  /** One line per remedy: "Remedy 1 (12 failures): ...". */
  lines(): string[];
}

export function createBatchRemedies(): BatchRemedies {
  const counts = new Map<string, number>();
  return {
    numberOf(remedy) {
      counts.set(remedy, (counts.get(remedy) ?? 0) + 1);
      return [...counts.keys()].indexOf(remedy) + 1;
    },
    lines() {
      return [...counts].map(([remedy, count], index) => {
        const failures = `${count} failure${count === 1 ? '' : 's'}`;
        return `Remedy ${index + 1} (${failures}): ${printable(remedy, 600)}`;
      });
    },
  };
}
