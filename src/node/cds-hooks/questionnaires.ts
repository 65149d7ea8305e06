import type { FhirTransport } from '../../fhir/gateway/types';
import { ourQuestionnaireCanonicals } from '../../fhir/load';
import { rawString } from '../../fhir/parse/raw';
import { parseReference, splitCanonical } from '../../fhir/parse/references';
import { bundleSchema } from '../../fhir/schemas/bundle';

// A response may name our Questionnaire by a literal reference to the server's copy (`Questionnaire/abc`)
// instead of its canonical URL; it is ours only if that copy's `url` is our canonical. The app reads
// the server's Questionnaires for this, so the service does too — but only when such a response is
// present, so the usual call costs no extra request.

function pointsAtServerCopy(response: unknown, canonicals: ReadonlySet<string>): boolean {
  const questionnaire = rawString(response, 'questionnaire');
  if (questionnaire === undefined || canonicals.has(splitCanonical(questionnaire).url)) return false;
  return parseReference(questionnaire)?.type === 'Questionnaire';
}

/** Fixed by the instrument definitions, so built once rather than per service call. */
const OUR_CANONICALS: ReadonlySet<string> = new Set(ourQuestionnaireCanonicals());

export function needsServerQuestionnaires(responses: readonly unknown[]): boolean {
  return responses.some((r) => pointsAtServerCopy(r, OUR_CANONICALS));
}

/** Our Questionnaires as the server holds them; none when the server will not say (those responses then count as unreadable). */
export async function fetchOurQuestionnaires(transport: FhirTransport): Promise<unknown[]> {
  const url = `Questionnaire?url=${[...OUR_CANONICALS].map(encodeURIComponent).join(',')}`;
  const answer = await transport.send({ method: 'GET', url });
  const bundle = bundleSchema.safeParse(answer.body);
  return answer.status === 200 && bundle.success ? (bundle.data.entry ?? []).map((e) => e.resource) : [];
}
