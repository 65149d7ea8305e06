// Indexes that let a search look at a few candidates instead of every stored resource of a type: by the
// references a resource makes (normalised to `Type/id`, so `https://host/fhir/Patient/p11`, `Patient/p11`
// and `Patient/p11/_history/2` are one key), by its identifier values, and by the words a `code` search can
// match on (every code, display and text in it: Medplum matches a plain token on a CodeableConcept's text
// too), so a client's rupture notes are found among thousands of its score Observations. An index only narrows: every
// candidate still goes through the full predicate, so entries may be stale (an update that dropped a
// reference, a rolled-back write) but never missing.
import { getSearchParameter, Operator } from '@medplum/core';
import type { Filter } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { parseReference } from '../../../fhir/parse/references';

/** Search parameters whose values are Reference elements in every resource type that has them. */
const REFERENCE_CODES = new Set(['patient', 'subject']);

type Index = Map<string, Set<string>>;

function add(index: Map<string, Index>, resourceType: string, key: string, id: string): void {
  let byKey = index.get(resourceType);
  if (!byKey) index.set(resourceType, (byKey = new Map()));
  let ids = byKey.get(key);
  if (!ids) byKey.set(key, (ids = new Set()));
  ids.add(id);
}

/** The strings a `code` search may match on: codes, displays and texts. */
const CODE_WORDS = new Set(['code', 'display', 'text']);

/**
 * Every `reference`, every `identifier[].value` and every code, display and text, anywhere in the resource,
 * walked without recursion.
 */
function keysOf(resource: Resource): { references: string[]; identifiers: string[]; codes: string[] } {
  const references: string[] = [];
  const identifiers: string[] = [];
  const codes: string[] = [];
  const stack: unknown[] = [resource];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string') {
        const parsed = parseReference(value);
        if (parsed) references.push(`${parsed.type}/${parsed.id}`);
      } else if (key === 'identifier') {
        for (const identifier of [value].flat())
          if (typeof identifier?.value === 'string') identifiers.push(identifier.value.toLowerCase());
        stack.push(value);
      } else if (CODE_WORDS.has(key) && typeof value === 'string') codes.push(value.toLowerCase());
      else if (typeof value === 'object') stack.push(value);
    }
  }
  return { references, identifiers, codes };
}

/** `Type/id` of a wanted reference; a bare id names a Patient only where the parameter can point at one. */
function referenceKey(resourceType: string, code: string, value: string): string | undefined {
  const parsed = parseReference(value);
  if (parsed) return `${parsed.type}/${parsed.id}`;
  const bareId = /^[A-Za-z0-9\-.]{1,64}$/.test(value);
  return bareId && getSearchParameter(resourceType, code)?.target?.includes('Patient') ? `Patient/${value}` : undefined;
}

/** The index keys a filter's values name, or undefined when the filter cannot use an index. */
function filterKeys(
  resourceType: string,
  filter: Filter,
): { kind: 'references' | 'identifiers' | 'codes' | 'ids'; keys: string[] } | undefined {
  if (filter.operator !== Operator.EQUALS) return undefined;
  const values = filter.value.split(',');
  if (filter.code === '_id') return { kind: 'ids', keys: values };
  if (REFERENCE_CODES.has(filter.code)) {
    const keys = values.map((value) => referenceKey(resourceType, filter.code, value));
    return keys.every((k) => k !== undefined) ? { kind: 'references', keys } : undefined;
  }
  if (filter.code === 'identifier' || filter.code === 'code') {
    if (filter.value.includes('\\')) return undefined; // an escaped comma or bar: left to the scan
    const keys = values.map((value) => value.slice(value.indexOf('|') + 1).toLowerCase());
    const kind = filter.code === 'code' ? 'codes' : 'identifiers';
    return keys.every((k) => k !== '') ? { kind, keys } : undefined;
  }
  return undefined;
}

export class SearchIndex {
  private readonly references = new Map<string, Index>();
  private readonly identifiers = new Map<string, Index>();
  private readonly codes = new Map<string, Index>();

  add(resource: Resource & { id: string }): void {
    const { references, identifiers, codes } = keysOf(resource);
    for (const key of references) add(this.references, resource.resourceType, key, resource.id);
    for (const key of identifiers) add(this.identifiers, resource.resourceType, key, resource.id);
    // Only types a `code` search can ask about: a QuestionnaireResponse's item texts would be kept for nothing.
    if (getSearchParameter(resource.resourceType, 'code'))
      for (const key of codes) add(this.codes, resource.resourceType, key, resource.id);
  }

  /** Ids that may match every filter, or undefined when no filter narrows (scan the type). */
  candidates(resourceType: string, filters: readonly Filter[]): Set<string> | undefined {
    let narrowest: Set<string> | undefined;
    for (const filter of filters) {
      const wanted = filterKeys(resourceType, filter);
      if (!wanted) continue;
      const index = wanted.kind === 'ids' ? undefined : this[wanted.kind].get(resourceType);
      const ids =
        wanted.kind === 'ids'
          ? new Set(wanted.keys)
          : new Set(wanted.keys.flatMap((key) => [...(index?.get(key) ?? [])]));
      if (!narrowest || ids.size < narrowest.size) narrowest = ids;
    }
    return narrowest;
  }
}
