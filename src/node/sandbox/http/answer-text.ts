// The JSON text of a FHIR answer. Stored versions never change (the engine's store freezes them), so the
// text of each is made once and a page of search results is written by joining texts, as servers that keep
// resources as text do: a page of 1,000 responses is not serialised anew for every client that reads it.
// Anything not frozen (an OperationOutcome, a resource a profile rewrote) is serialised as usual.

const texts = new WeakMap<object, string>();

function storedText(resource: object): string {
  let text = texts.get(resource);
  if (text === undefined) {
    text = JSON.stringify(resource);
    texts.set(resource, text);
  }
  return text;
}

/** `{…head, "name": <text>}`: the head's own JSON with one member added at its end. */
function withMember(head: object, name: string, text: string): string {
  const json = JSON.stringify(head);
  return `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}${JSON.stringify(name)}:${text}}`;
}

function entryText(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null || !('resource' in entry) || entry.resource === undefined)
    return JSON.stringify(entry) ?? 'null';
  const { resource, ...rest } = entry;
  return withMember(rest, 'resource', answerText(resource));
}

/**
 * The JSON of `body`, equal to `JSON.stringify(body)` once parsed (a Bundle's `entry` and an entry's
 * `resource` are written last). Bundles inside bundles (a batch of searches) are joined the same way.
 */
export function answerText(body: unknown): string {
  if (typeof body !== 'object' || body === null) return JSON.stringify(body);
  if (Object.isFrozen(body)) return storedText(body);
  const entry = 'entry' in body ? body.entry : undefined;
  if (!Array.isArray(entry)) return JSON.stringify(body);
  const { entry: _entry, ...rest } = body as { entry: unknown[] };
  return withMember(rest, 'entry', `[${entry.map(entryText).join(',')}]`);
}
