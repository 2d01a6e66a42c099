/**
 * Texts that main renders itself (the menu, the batch notification) from an English table and its zh-CN
 * translation, with the table's `{placeholders}` as typed parameters. They never travel to the window.
 */
import type { MessageLocale } from './localized';
import type { ParamNames } from './template';

type TextParams<Template extends string> = [ParamNames<Template>] extends [never]
  ? []
  : [params: { readonly [Name in ParamNames<Template>]: string | number }];

/** `zhCN` must have every key of `en` (write it with `translated<typeof en>()`, which checks the placeholders). */
export function textTable<English extends Readonly<Record<string, string>>>(
  en: English,
  zhCN: Readonly<Record<keyof English, string>>,
) {
  return (locale: MessageLocale) =>
    <Key extends keyof English & string>(key: Key, ...params: TextParams<English[Key]>): string => {
      const template: string = locale === 'zh-CN' ? zhCN[key] : en[key];
      const [given] = params;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
        given !== undefined && Object.hasOwn(given, name)
          ? String((given as Record<string, string | number>)[name])
          : whole,
      );
    };
}

/** The language main speaks for a locale name such as app.getLocale()'s: Simplified Chinese, else English. */
export function mainLanguageOf(locale: string): MessageLocale {
  return /^zh(?![-_](hant|tw|hk|mo))/i.test(locale) ? 'zh-CN' : 'en';
}
