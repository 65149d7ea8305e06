import type Client from 'fhirclient/lib/Client';
import { createContext, useContext, type ComponentType } from 'react';
import type { FhirTransport } from '../../fhir/gateway/types';
import type { SmartLaunchConfig } from '../../fhir/smart-launch-config';
import type { UiLanguage } from '../i18n/locale';
import type { LaunchContext } from './launch-context';
import type { LoadedRecord } from './record';

// The app shell's contract with the administering UI (src/ui/administer, engineer F2).
//
// F2 provides `src/ui/administer/index.tsx` exporting:
//   export function AdministerPanel(props: AdministerPanelProps): ReactNode
//   export const administerMessages: Readonly<Record<UiLanguage, object>>   // the `administer` i18n namespace
// The shell finds that module at build time (import.meta.glob, loaded lazily so the forms are not in the
// initial bundle), registers the namespace, and renders the panel in the clinician view under the status
// and alerts. Inside it, `useAppShell()` gives the session, the loaded record and `refresh()`.

export interface AppShell {
  /** fhirclient's client: tokens stay inside it (sessionStorage); prefer `transport` for requests. */
  readonly client: Client;
  /** The one narrow door to the FHIR server (validated by the callers with zod). */
  readonly transport: FhirTransport;
  readonly launch: LaunchContext;
  readonly config: SmartLaunchConfig;
  /** History, server capabilities and the core's assessment, as last loaded. */
  readonly record: LoadedRecord;
  readonly language: UiLanguage;
  /** Drafts and the Outbox's unsaved work live here (sessionStorage in the app; per tab). */
  readonly storage: Storage;
  /** Reloads the history (after a save) and re-renders the view with the new assessment. */
  readonly refresh: () => Promise<void>;
}

export interface AdministerPanelProps {
  /** Called after a save attempt; the shell refreshes the record. */
  readonly onSaved: () => void;
}

export interface AdministerModule {
  readonly AdministerPanel: ComponentType<AdministerPanelProps>;
  readonly administerMessages?: Readonly<Record<UiLanguage, object>>;
}

export const AppShellContext = createContext<AppShell | null>(null);

/** The app shell, for components rendered inside the clinician view. */
export function useAppShell(): AppShell {
  const shell = useContext(AppShellContext);
  if (!shell) throw new Error('useAppShell() is used outside the app shell');
  return shell;
}
