import type { ClientAssessment } from '../../core/assess';
import type { ServerCapabilities } from '../../fhir/capabilities';
import type { History } from '../../fhir/load';
import type { TabCacheUse } from './server-cache';
import type { UnsavedAdministration } from './unsaved';

/** What the app page loads after the token: the history, what the server can do, and the core's reading of it. */
export interface LoadedRecord {
  readonly history: History;
  readonly capabilities: ServerCapabilities;
  /** Scored with the history: the client's real answers, though only kept in this tab so far. */
  readonly assessment: ClientAssessment;
  /** Responses the Outbox keeps that the server does not hold yet (see unsaved.ts); none when absent. */
  readonly unsaved?: readonly UnsavedAdministration[];
  /** Which reads the tab's copy of the server's fixed data answered (refreshed once the screen is up). */
  readonly fromTabCache?: TabCacheUse;
}
