import type { ClientAssessment } from '../../core/assess';
import type { ServerCapabilities } from '../../fhir/capabilities';
import type { History } from '../../fhir/load';

/** What the app page loads after the token: the history, what the server can do, and the core's reading of it. */
export interface LoadedRecord {
  readonly history: History;
  readonly capabilities: ServerCapabilities;
  readonly assessment: ClientAssessment;
}
