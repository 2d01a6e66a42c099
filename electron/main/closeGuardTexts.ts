import type { MessageLocale } from '../../shared/messages/locales';

export interface DiscardQuestion {
  title: string;
  message: string;
  detail: string;
  /** [discard, cancel]: the order of showMessageBox's buttons. */
  buttons: [string, string];
}

const QUESTIONS: Readonly<Record<MessageLocale, DiscardQuestion>> = {
  en: {
    title: 'KooDrive Lock Admin',
    message: 'Discard unsaved changes?',
    detail: 'A profile has changes that are not saved. Discard them and close, or cancel and save first.',
    buttons: ['Discard', 'Cancel'],
  },
  'zh-CN': {
    title: 'KooDrive Lock Admin',
    message: '放弃未保存的更改？',
    detail: '有配置的更改尚未保存。放弃更改并关闭，或取消后先保存。',
    buttons: ['放弃', '取消'],
  },
};

/** The close guard's question in the window's language (electron/main/windowLanguage.ts), like the menu. */
export function discardQuestion(language: MessageLocale): DiscardQuestion {
  return QUESTIONS[language];
}
