/**
 * The least CPU time (user + system, in milliseconds) of five runs. CPU time rather than wall time,
 * and the best of five, so that a machine busy with other work does not fail a speed test.
 */
export function bestOfFive(run: () => unknown): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}
