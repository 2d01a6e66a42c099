/** Saves CSV text as a file through the browser's download (a Blob URL and an <a download> click). */

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** e.g. koodrive-batch-20261103-071502.csv, in local time (when the user saved it). */
export function timestampedCsvName(prefix: string, at: Date = new Date()): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `${prefix}-${date}-${time}.csv`;
}

export function downloadCsv(fileName: string, csv: string): void {
  // A byte-order mark lets spreadsheet programs read the file as UTF-8.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
