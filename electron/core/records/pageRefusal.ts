/**
 * A clearer remedy when KooDrive rejects the parameters of a list page (kind 'invalid-input'): with a cursor
 * sent, the cursor is what changed since the first page, so it is the likely cause (expired or not valid for
 * this listing); on a first page whose message names the page size, this server allows fewer per page.
 */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { RecordReadOutcome } from '../../../shared/records';

const NAMES_PAGE_SIZE = /page[ _-]?size/i;

function serverSaid(read: RecordReadOutcome): Message {
  const said = [read.code && `code ${read.code}`, read.msg].filter(Boolean).join(': ');
  return said ? message('records.serverSaid', { said }) : message('records.serverSaidNothing');
}

export function pageRefusal(read: RecordReadOutcome, page: { cursor?: string; pageSize: number }): Message | null {
  if (read.kind !== 'invalid-input' || read.httpStatus === null) return null;
  if (page.cursor !== undefined) return message('records.cursorRefused', { serverSaid: serverSaid(read) });
  if (NAMES_PAGE_SIZE.test(read.msg ?? '')) {
    return message('records.pageSizeRefused', { pageSize: page.pageSize, serverSaid: serverSaid(read) });
  }
  return null;
}
