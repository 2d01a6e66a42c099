import type { Handlers } from '../../shared/contract';
import type { Profile } from '../../shared/profile';
import { profileById } from '../core/profiles/profileById';
import { createRecordReader } from '../core/records/recordReader';
import type { HandlerServices } from './handlerServices';
import { secretSourceFor } from './secretSource';

export type RecordMethod = 'listRecords' | 'viewRecord' | 'listRecordFiles';

/** The read-only backup inspector: records, one record, a record's files. Arguments arrive validated by dispatch. */
export function createRecordHandlers(services: HandlerServices): Pick<Handlers, RecordMethod> {
  const { profiles, inflight } = services;
  const reader = createRecordReader({
    ...services.routing,
    transport: services.transport,
    clock: services.clock,
    secretFor: secretSourceFor(services.secrets),
  });

  /** Runs a read under its requestTag, so cancelRequest can stop it (between and during pages). */
  async function cancellable<T>(
    profileId: string,
    requestTag: string | undefined,
    run: (profile: Profile, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    // Registered before the first await, so a cancel sent right after the request finds it.
    const ticket = inflight.register(requestTag);
    try {
      return await run(await profileById(profiles, profileId), ticket.signal);
    } finally {
      ticket.done();
    }
  }

  return {
    listRecords: ({ profileId, requestTag, ...request }) =>
      cancellable(profileId, requestTag, (profile, signal) => reader.listRecords({ ...request, profile, signal })),
    viewRecord: ({ profileId, requestTag, ...request }) =>
      cancellable(profileId, requestTag, (profile, signal) => reader.viewRecord({ ...request, profile, signal })),
    listRecordFiles: ({ profileId, requestTag, ...request }) =>
      cancellable(profileId, requestTag, (profile, signal) => reader.listRecordFiles({ ...request, profile, signal })),
  };
}
