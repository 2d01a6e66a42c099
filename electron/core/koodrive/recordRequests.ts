/** The read-only record and file calls as requests for the one builder: docs/koodrive-protocol.md#endpoints. */
import type { Profile } from '../../../shared/profile';
import { RECORD_PATH, recordFilesPath, recordPath } from './endpoints';
import { type PreparedRequest, prepareRequest } from './requestBuilder';

export interface ReadInput {
  profile: Profile;
  /** The end user (X-User-Id), resolved; default the profile's. */
  userId?: string;
  secret: string;
  now: Date;
}

/** One page of the backup records of a module (pageSize 1-100; cursor from the previous page; one device only when deviceId is given). */
export function prepareRecordListRequest(
  input: ReadInput & { moduleCode?: string; pageSize?: number; cursor?: string; deviceId?: string },
): PreparedRequest {
  const query: [string, string][] = [
    ['moduleCode', input.moduleCode ?? input.profile.moduleCode],
    ['pageSize', String(input.pageSize ?? 1)],
  ];
  if (input.cursor !== undefined) query.push(['cursor', input.cursor]);
  if (input.deviceId !== undefined) query.push(['deviceId', input.deviceId]);
  return prepareRequest({ ...input, method: 'GET', path: RECORD_PATH, query });
}

export function prepareRecordRequest(input: ReadInput & { recordId: string }): PreparedRequest {
  return prepareRequest({ ...input, method: 'GET', path: recordPath(input.recordId) });
}

/** One page of the files of a backup record. */
export function prepareRecordFilesRequest(
  input: ReadInput & { recordId: string; pageSize: number; cursor?: string },
): PreparedRequest {
  const query: [string, string][] = [['pageSize', String(input.pageSize)]];
  if (input.cursor !== undefined) query.push(['cursor', input.cursor]);
  return prepareRequest({ ...input, method: 'GET', path: recordFilesPath(input.recordId), query });
}
