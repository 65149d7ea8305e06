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

export function needsServerQuestionnaires(responses: readonly unknown[]): boolean {
  const canonicals = new Set(ourQuestionnaireCanonicals());
  return responses.some((r) => pointsAtServerCopy(r, canonicals));
}

/** Our Questionnaires as the server holds them; none when the server will not say (those responses then count as unreadable). */
export async function fetchOurQuestionnaires(transport: FhirTransport): Promise<unknown[]> {
  const url = `Questionnaire?url=${ourQuestionnaireCanonicals().map(encodeURIComponent).join(',')}`;
  const answer = await transport.send({ method: 'GET', url });
  const bundle = bundleSchema.safeParse(answer.body);
  return answer.status === 200 && bundle.success ? (bundle.data.entry ?? []).map((e) => e.resource) : [];
}
