import type { FhirTransport } from '../../fhir/gateway/types';
import type { SmartLaunchConfig } from '../../fhir/smart-launch-config';
import type { LaunchContext } from './launch-context';
import type { LoadedRecord } from './record';
import type { Language } from '../../core/instruments/types';

/** What the app page holds once booted: the session, the configuration and the record as last loaded. */
export interface AppShell {
  /** The one narrow door to the FHIR server (validated by the callers with zod); fhirclient keeps the tokens. */
  readonly transport: FhirTransport;
  readonly launch: LaunchContext;
  readonly config: SmartLaunchConfig;
  /** History, server capabilities and the core's assessment, as last loaded. */
  readonly record: LoadedRecord;
  readonly language: Language;
  /** Drafts and the Outbox's unsaved work live here (sessionStorage in the app; per tab). */
  readonly storage: Storage;
}
