import { fail, succeed, type Result } from '../../core/result';
import { fetchTransport } from '../../fhir/gateway/fetch-transport';
import { type FhirTransport, TransportError } from '../../fhir/gateway/types';
import { bundleSchema, linkUrl, matchesOf } from '../../fhir/schemas/bundle';
import { type PrefetchKey, prefetchQuery } from './discovery';
import { fetchOurQuestionnaires, needsServerQuestionnaires } from './questionnaires';
import type { HookRequest } from './request';

// The data the cards need, from the request's prefetch where the EHR sent it, else fetched from the
// EHR's FHIR server with the template's own query. The spec's rules: a missing key was not prefetched
// (fetch it), null means "nothing there", and a service that can get neither answers 412.

export interface ClientData {
  readonly patient: unknown;
  readonly responses: readonly unknown[];
  /** Our Questionnaires from the server, fetched only when a response refers to one by id. */
  readonly questionnaires: readonly unknown[];
}

/** Why the data could not be had: 400 for a bad prefetch, 412 when it can neither be prefetched nor fetched. */
export interface ClientDataProblem {
  readonly status: 400 | 412;
  readonly message: string;
}

export type ClientDataResult = Result<
  { readonly data: ClientData; readonly fetched: readonly string[] },
  ClientDataProblem
>;

export interface FetchOptions {
  readonly fetch?: typeof fetch;
  /** Per request to the FHIR server; CDS services should answer in about half a second. */
  readonly timeoutMs?: number;
}

/** A searchset may not be paged in a prefetch; when we fetch ourselves we follow `next` this far. */
const MAX_PAGES = 20;
const DEFAULT_TIMEOUT_MS = 5000;

type Part<T> = Result<T, ClientDataProblem>;

const failed = (status: 400 | 412, message: string): Part<never> => fail({ status, message });

function transportOf(request: HookRequest, options: FetchOptions): FhirTransport | undefined {
  if (!request.fhirServer) return undefined;
  const base = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timed: typeof fetch = (input, init) => base(input, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  return fetchTransport({
    baseUrl: request.fhirServer,
    fetch: timed,
    ...(request.fhirAuthorization ? { token: request.fhirAuthorization.access_token } : {}),
  });
}

async function fetchPatient(transport: FhirTransport, patientId: string): Promise<Part<unknown>> {
  const answer = await transport.send({ method: 'GET', url: prefetchQuery('patient', patientId) });
  if (answer.status === 404 || answer.status === 410) return succeed(null);
  return answer.status === 200
    ? succeed(answer.body)
    : failed(412, `The FHIR server refused the Patient read (HTTP ${answer.status}).`);
}

async function fetchResponses(transport: FhirTransport, patientId: string): Promise<Part<unknown[]>> {
  const found: unknown[] = [];
  let url: string | undefined = prefetchQuery('responses', patientId);
  for (let page = 0; url !== undefined && page < MAX_PAGES; page++) {
    const answer = await transport.send({ method: 'GET', url });
    if (answer.status !== 200)
      return failed(412, `The FHIR server refused the QuestionnaireResponse search (HTTP ${answer.status}).`);
    const bundle = bundleSchema.safeParse(answer.body);
    if (!bundle.success)
      return failed(
        412,
        'The FHIR server answered the QuestionnaireResponse search with something other than a Bundle.',
      );
    found.push(...matchesOf(bundle.data, 'QuestionnaireResponse'));
    url = linkUrl(bundle.data, 'next');
  }
  return url === undefined ? succeed(found) : failed(412, `The client has more than ${MAX_PAGES} pages of responses.`);
}

/** undefined = not usable as prefetched (absent, or a search the EHR cut into pages): fetch it. */
function prefetchedPatient(value: unknown): Part<unknown> | undefined {
  return value === undefined ? undefined : succeed(value);
}

function prefetchedResponses(value: unknown): Part<unknown[]> | undefined {
  if (value === undefined) return undefined;
  if (value === null) return succeed([]);
  const bundle = bundleSchema.safeParse(value);
  if (!bundle.success)
    return failed(400, 'prefetch.responses: expected a searchset Bundle of QuestionnaireResponses, or null');
  return linkUrl(bundle.data, 'next') === undefined
    ? succeed(matchesOf(bundle.data, 'QuestionnaireResponse'))
    : undefined;
}

/** The prefetched part, else the same query sent to the FHIR server, else 412. */
async function resolvePart<T>(
  key: PrefetchKey,
  prefetched: Part<T> | undefined,
  transport: FhirTransport | undefined,
  fetchIt: (transport: FhirTransport) => Promise<Part<T>>,
  fetched: string[],
): Promise<Part<T>> {
  if (prefetched) return prefetched;
  if (!transport)
    return failed(412, `prefetch.${key} is missing and the request names no fhirServer to fetch it from.`);
  fetched.push(key);
  try {
    return await fetchIt(transport);
  } catch (error) {
    if (error instanceof TransportError) return failed(412, `The FHIR server did not answer (${error.kind}).`);
    throw error;
  }
}

async function fetchQuestionnaires(transport: FhirTransport, fetched: string[]): Promise<unknown[]> {
  fetched.push('questionnaires');
  try {
    return await fetchOurQuestionnaires(transport);
  } catch (error) {
    if (error instanceof TransportError) return [];
    throw error;
  }
}

export async function gatherClientData(request: HookRequest, options: FetchOptions = {}): Promise<ClientDataResult> {
  const transport = transportOf(request, options);
  const { patientId } = request.context;
  const fetched: string[] = [];
  const [patient, responses] = await Promise.all([
    resolvePart(
      'patient',
      prefetchedPatient(request.prefetch?.['patient']),
      transport,
      (t) => fetchPatient(t, patientId),
      fetched,
    ),
    resolvePart(
      'responses',
      prefetchedResponses(request.prefetch?.['responses']),
      transport,
      (t) => fetchResponses(t, patientId),
      fetched,
    ),
  ]);
  if (!responses.ok) return responses;
  if (!patient.ok) return patient;
  const questionnaires =
    transport && needsServerQuestionnaires(responses.value) ? await fetchQuestionnaires(transport, fetched) : [];
  return succeed({ data: { patient: patient.value, responses: responses.value, questionnaires }, fetched });
}
