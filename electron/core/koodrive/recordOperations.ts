/** The read-only record and file calls as operation descriptors: they change nothing, so any of them may be sent again. */
import type { OperationDescriptor } from './operation';

function read(label: string, what: string, notFound: string): OperationDescriptor {
  return {
    label,
    success: `KooDrive returned ${what}.`,
    notFound,
    conflict: (note) =>
      `KooDrive refused to return ${what} (${note}): check the user ID and the module code, then escalate with the request ID if it persists.`,
    parameters: 'the module code, the record ID and the user ID',
  };
}

export const LIST_RECORDS = read(
  'list records',
  'the backup records',
  'KooDrive found no backup records for this user and module: check the user ID and the module code in the profile.',
);

export const VIEW_RECORD = read(
  'view record',
  'the backup record',
  'The backup record does not exist (deleted, or the ID is wrong): check the record ID.',
);

export const LIST_RECORD_FILES = read(
  'list record files',
  'the files of the backup record',
  'The backup record does not exist (deleted, or the ID is wrong): check the record ID.',
);
