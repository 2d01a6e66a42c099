/** Every English message table, merged: the keys and parameters main may send (docs/renderer.md#messages-from-main-keys-and-parameters). */
import { diagnosticsEn } from './diagnostics.en';
import { remediesEn } from './remedies.en';
import { validationEn } from './validation.en';

export const messagesEn = { ...remediesEn, ...validationEn, ...diagnosticsEn } as const;

export type MessageCatalog = typeof messagesEn;
export type MessageKey = keyof MessageCatalog;
