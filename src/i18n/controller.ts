/**
 * Gives a component `t()` and the current language, and re-renders it when the language
 * changes. Uses the i18n instance from context when an ancestor provides one, else the
 * page-wide instance.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { i18nContext } from './context.js';
import { isLanguage, pageI18n, DEFAULT_LANGUAGE, type I18n, type Language } from './instance.js';

export class I18nController implements ReactiveController {
  private instance: I18n = pageI18n();
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    new ContextConsumer(host, {
      context: i18nContext,
      subscribe: true,
      callback: (value) => {
        this.instance.off('languageChanged', this.onChange);
        this.instance = value;
        if (host.isConnected) this.instance.on('languageChanged', this.onChange);
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    this.instance.on('languageChanged', this.onChange);
  }

  hostDisconnected(): void {
    this.instance.off('languageChanged', this.onChange);
  }

  get i18n(): I18n {
    return this.instance;
  }

  get language(): Language {
    const lng = this.instance.language;
    return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
  }

  t = (key: string, options?: TOptions): string => this.instance.t(key, options) as string;
}
