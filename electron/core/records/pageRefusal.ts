/**
 * A clearer remedy when KooDrive rejects the parameters of a list page (kind 'invalid-input'): with a cursor
 * sent, the cursor is what changed since the first page, so it is the likely cause (expired or not valid for
 * this listing); on a first page whose message names the page size, this server allows fewer per page.
 */
import type { RecordReadOutcome } from '../../../shared/records';

const NAMES_PAGE_SIZE = /page[ _-]?size/i;

function serverSaid(read: RecordReadOutcome): string {
  const said = [read.code && `code ${read.code}`, read.msg].filter(Boolean).join(': ');
  return said ? ` (${said})` : '';
}

export function pageRefusal(read: RecordReadOutcome, page: { cursor?: string; pageSize: number }): string | null {
  if (read.kind !== 'invalid-input' || read.httpStatus === null) return null;
  if (page.cursor !== undefined) {
    return `KooDrive refused the cursor of the next page${serverSaid(read)}: a cursor expires after a while or belongs to another listing, so list again from the start (the items read so far are kept).`;
  }
  if (NAMES_PAGE_SIZE.test(read.msg ?? '')) {
    return `KooDrive refused the page size ${page.pageSize}${serverSaid(read)}: this server allows fewer items per page than the API's documented 100; report it with the request ID.`;
  }
  return null;
}
