import { fail, type Result } from '../core/result';
import type { CommonMessages } from './i18n/common.en';

// Every way the launch or the app can fail, as a value: each has its own screen (title, what happened,
// what to do) in i18n/common.*.ts. `params` fill the message; `details` are listed (e.g. config fields).
export type FailureKind = keyof CommonMessages['failure'];

export interface Failure {
  readonly kind: FailureKind;
  readonly params?: Readonly<Record<string, string>>;
  readonly details?: readonly string[];
  /** Whether trying again can help (network trouble), so the screen offers a retry button. */
  readonly retry?: boolean;
}

/** What the launch or a load gives: its value, or the failure its screen explains. */
export type Outcome<T> = Result<T, Failure>;

export const failed = (kind: FailureKind, extra: Omit<Failure, 'kind'> = {}): Outcome<never> =>
  fail({ kind, ...extra });

/** Fills `{{name}}` placeholders; the launch page uses it without i18next. */
export function fillTemplate(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}
