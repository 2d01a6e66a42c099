/** The read-only record and file calls as operation descriptors: they change nothing, so any of them may be sent again. */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { OperationDescriptor } from './operation';

function read(label: string, what: Message, notFound: Message): OperationDescriptor {
  return {
    label,
    success: message('operation.read.success', { what }),
    notFound,
    conflict: (note) => message('operation.read.conflict', { what, note }),
    parameters: message('operation.parameters.record'),
  };
}

const RECORD_GONE = message('operation.viewRecord.notFound');

export const LIST_RECORDS = read(
  'list records',
  message('operation.read.records'),
  message('operation.listRecords.notFound'),
);

export const VIEW_RECORD = read('view record', message('operation.read.record'), RECORD_GONE);

export const LIST_RECORD_FILES = read('list record files', message('operation.read.recordFiles'), RECORD_GONE);
