/** POSIX sh quoting: inside single quotes nothing is special, and a ' is written as '\'' (close, escaped quote, reopen). */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
