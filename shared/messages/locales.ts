/** The languages the app speaks. Apart from localized.ts so that a module needing only the list does not load the tables. */
export const MESSAGE_LOCALES = ['en', 'zh-CN'] as const;
export type MessageLocale = (typeof MESSAGE_LOCALES)[number];
