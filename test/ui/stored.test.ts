import { afterEach, describe, expect, it } from 'vitest';
import { findDraft, storeDraft } from '../../src/ui/administer/draft-store';
import { formatPoints } from '../../src/ui/administer/rating-scale';
import { formattersFor } from '../../src/ui/format';
import { keysStartingWith, readJson } from '../../src/ui/stored';

// The storage and formatting helpers the drafts, the refused responses and the rating line share.

afterEach(() => sessionStorage.clear());

describe('reading the app’s entries back from session storage', () => {
  it('lists only the keys under the prefix, safe to remove while walking them', () => {
    sessionStorage.setItem('a:1', '1');
    sessionStorage.setItem('b:1', '2');
    sessionStorage.setItem('a:2', '3');
    const keys = keysStartingWith(sessionStorage, 'a:');
    expect(keys.sort()).toEqual(['a:1', 'a:2']);
    for (const key of keys) sessionStorage.removeItem(key);
    expect(keysStartingWith(sessionStorage, 'a:')).toEqual([]);
    expect(sessionStorage.getItem('b:1')).toBe('2');
  });

  it('reads JSON, and nothing for an absent key or text that is not JSON', () => {
    sessionStorage.setItem('ok', '{"a":1}');
    sessionStorage.setItem('junk', '{not json');
    expect(readJson(sessionStorage, 'ok')).toEqual({ a: 1 });
    expect(readJson(sessionStorage, 'junk')).toBeUndefined();
    expect(readJson(sessionStorage, 'absent')).toBeUndefined();
  });

  it('finds a stored draft, and removes one that does not read as a draft', () => {
    storeDraft(sessionStorage, 'p1', 'ors', { draftId: 'd1', answers: { 'ors-1': 40 } });
    expect(findDraft(sessionStorage, 'p1', 'ors')).toEqual({
      kind: 'found',
      draft: { draftId: 'd1', answers: { 'ors-1': 40 } },
    });
    sessionStorage.clear();
    sessionStorage.setItem('tf-administer-draft:p1:ors:d2', '{not json');
    expect(findDraft(sessionStorage, 'p1', 'ors')).toEqual({ kind: 'unreadable' });
    expect(sessionStorage.length).toBe(0);
  });
});

describe('points on the rating line', () => {
  it('are written as the dashboard writes a score, in either language', () => {
    expect(formatPoints(63, 'en')).toBe('6.3');
    expect(formatPoints(63, 'es')).toBe('6,3');
    for (const language of ['en', 'es']) expect(formatPoints(100, language)).toBe(formattersFor(language).score(10));
  });
});
