import { batchSignalsEn } from '../../shared/messages/batchSignals.en';
import { batchSignalsZhCN } from '../../shared/messages/batchSignals.zhCN';
import type { MessageLocale } from '../../shared/messages/localized';
import { mainLanguageOf, textTable } from '../../shared/messages/textTable';
import type { BatchEnded } from '../ipc/batchSignalPort';

/** The notification's language, from a locale name (the window's language, electron/main/windowLanguage.ts). */
export function languageOf(locale: string): MessageLocale {
  return mainLanguageOf(locale);
}

const noticeText = textTable(batchSignalsEn, batchSignalsZhCN);

/** What the OS notification says when a batch has ended: counts and the profile, never a lock ID or a secret. */
export function batchEndedNotice(ended: BatchEnded, locale: string): { title: string; body: string } {
  const text = noticeText(languageOf(locale));
  const { profileName, released, alreadyGone, failed, notSent } = ended;
  return {
    title: text(`batchSignals.title.${ended.ending}`),
    body: text('batchSignals.body', { profileName, released, alreadyGone, failed, notSent }),
  };
}
