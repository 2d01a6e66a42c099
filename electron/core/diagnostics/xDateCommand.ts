/**
 * A shell expression that prints the current UTC time as an X-Date, evaluated when the command runs so
 * a copied command stays valid. With a clock offset (signing with the server's time) the epoch seconds
 * are shifted first; `date -d @N` is GNU, `date -r N` is BSD/macOS, so both are tried.
 */
const FORMAT = '+%Y%m%dT%H%M%SZ';

export function xDateCommand(clockOffsetMs = 0): string {
  // Rounded down: an X-Date a little early is accepted, one after the server's time is not.
  const seconds = Math.floor(clockOffsetMs / 1000);
  if (seconds === 0) return `date -u ${FORMAT}`;
  const shift = seconds > 0 ? `+ ${seconds}` : `- ${-seconds}`;
  return `t=$(( $(date +%s) ${shift} )); date -u -d "@$t" ${FORMAT} 2>/dev/null || date -u -r "$t" ${FORMAT}`;
}
