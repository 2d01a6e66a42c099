import { batchSignalsEn } from '../../shared/messages/batchSignals.en';
import { batchSignalsZhCN } from '../../shared/messages/batchSignals.zhCN';
import type { MessageLocale } from '../../shared/messages/locales';
import { textTable } from '../../shared/messages/textTable';
import type { BatchEnded } from '../ipc/batchSignalPort';

const noticeText = textTable(batchSignalsEn, batchSignalsZhCN);

/**
 * What the OS notification says when a batch has ended, in `language` (the window's, electron/main/windowLanguage.ts):
 * counts and the profile, never a lock ID or a secret.
 */
export function batchEndedNotice(ended: BatchEnded, language: MessageLocale): { title: string; body: string } {
  const text = noticeText(language);
  const { profileName, released, alreadyGone, failed, notSent } = ended;
  return {
    title: text(`batchSignals.title.${ended.ending}`),
    body: text('batchSignals.body', { profileName, released, alreadyGone, failed, notSent }),
  };
}
