import type Client from 'fhirclient/lib/Client';
import type { i18n } from 'i18next';
import { fhirclientTransport } from '../../fhir/gateway/fhirclient-transport';
import type { DashboardModel } from '../dashboard/view-model';
import type { Outcome } from '../failure';
import { registerNamespace } from '../i18n';
import { pickLanguage } from '../i18n/locale';
import { loadSmartLaunchConfig } from '../launch/load-config';
import { localDate } from '../administer/clock';
import type { BootedCaseload } from '../caseload/boot-caseload';
import type { AppShell } from './app-context';
import { startSession } from './start-session';

export interface BootedApp {
  readonly shell: AppShell;
  readonly model: DashboardModel;
  /** The clinician view's chunk, loaded during boot: the page renders its Dashboard and reloads through it. */
  readonly view: ViewChunk;
}

export type ViewChunk = typeof import('./clinician-view');

export interface BootEnv {
  /** The page address as it arrived (fhirclient removes `code` and `state` from it). */
  readonly url: URL;
  readonly i18n: i18n;
  readonly fallbackLanguages: readonly string[];
  readonly view: () => Promise<ViewChunk>;
  readonly fetch: typeof fetch;
  /** fhirclient's `oauth2.ready`: completes the authorization on this page. */
  readonly ready: () => Promise<Client>;
  /** Drafts and the Outbox's unsaved work (sessionStorage): kept responses are shown as not saved. */
  readonly storage: Storage;
  /** Where the EHR's SMART style (smart_style_url) sets its custom properties: the page's root element. */
  readonly styleRoot: HTMLElement;
  /** Today's local date (YYYY-MM-DD) for the caseload's appointments and due measures; the device's by default. */
  readonly today?: () => string;
}

/** The record loader (FHIR reads, the core's scoring) in a chunk of its own, like the view: not in the initial bundle. */
const recordLoader = () => import('./load-record');

/** Token → context → configuration → history: each step either yields or names its failure. */
export async function boot(env: BootEnv): Promise<Outcome<BootedApp | BootedCaseload>> {
  const viewChunk = env.view();
  void recordLoader();
  const [config, session] = await Promise.all([
    loadSmartLaunchConfig(env.fetch, env.url.origin),
    startSession(env.ready, env.url),
  ]);
  if (!session.ok) return session;
  if (!config.ok) return config;
  const language = pickLanguage([session.value.launch.locale, ...env.fallbackLanguages]);
  if (language !== env.i18n.language) await env.i18n.changeLanguage(language);
  const transport = fhirclientTransport(session.value.client);
  const view = await viewChunk;
  registerNamespace(env.i18n, 'dashboard', view.dashboardMessagesFor(config.value.scoring));
  void view.loadSmartStyle(env.fetch, session.value.launch.smartStyleUrl, env.styleRoot);
  const shell = { transport, config: config.value, language, storage: env.storage };
  if ('caseload' in session.value) {
    const { bootCaseload } = await import('../caseload/boot-caseload');
    return bootCaseload(
      { ...shell, launch: session.value.launch },
      view,
      env.i18n,
      env.today?.() ?? localDate(new Date()),
    );
  }
  return withRecord({ ...shell, launch: session.value.launch }, view);
}

/** After a save: the same session, a fresh history and assessment. */
export function reload(app: BootedApp): Promise<Outcome<BootedApp>> {
  return withRecord(app.shell, app.view);
}

/** History → the core's assessment → what the view shows; the one path for the first load, every reload and each client opened from the caseload. */
export async function withRecord(shell: Omit<AppShell, 'record'>, view: ViewChunk): Promise<Outcome<BootedApp>> {
  const { loadRecord } = await recordLoader();
  const record = await loadRecord(shell.transport, shell.launch, {
    scoring: shell.config.scoring,
    mappings: shell.config.instrumentMappings,
    storage: shell.storage,
  });
  if (!record.ok) return record;
  return {
    ok: true,
    value: {
      shell: { ...shell, record: record.value },
      model: view.toDashboardModel(record.value, shell.launch, shell.config),
      view,
    },
  };
}
