/** Samples this process's resident set size on a timer (and on demand) and keeps the peak. */
export interface RssSampler {
  sample(): void;
  /** The highest RSS seen so far. */
  peak(): number;
  stop(): number;
}

export function sampleRss(intervalMs = 10): RssSampler {
  let peak = process.memoryUsage.rss();
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    sample,
    peak: () => peak,
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
