import type { BatchEnded, BatchEnding } from '../ipc/batchSignalPort';

/** The notification's two languages; main follows the system's language (app.getLocale()), not the window's setting. */
type Language = 'en' | 'zh-CN';

const TITLES: Readonly<Record<Language, Readonly<Record<BatchEnding, string>>>> = {
  en: {
    finished: 'Batch finished',
    cancelled: 'Batch cancelled',
    paused: 'Batch paused: the server stopped answering',
    stopped: 'Batch stopped',
  },
  'zh-CN': {
    finished: '批量已完成',
    cancelled: '批量已取消',
    paused: '批量已暂停：服务器不再应答',
    stopped: '批量已停止',
  },
};

function body(language: Language, ended: BatchEnded): string {
  const { profileName, released, alreadyGone, failed, notSent } = ended;
  return language === 'zh-CN'
    ? `配置“${profileName}”：已释放 ${released}，已不存在 ${alreadyGone}，失败 ${failed}，未发送 ${notSent}。`
    : `Profile “${profileName}”: ${released} released, ${alreadyGone} already gone, ${failed} failed, ${notSent} not sent.`;
}

export function languageOf(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** What the OS notification says when a batch has ended: counts and the profile, never a lock ID or a secret. */
export function batchEndedNotice(ended: BatchEnded, locale: string): { title: string; body: string } {
  const language = languageOf(locale);
  return { title: TITLES[language][ended.ending], body: body(language, ended) };
}
