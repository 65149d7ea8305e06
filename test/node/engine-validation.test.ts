import { describe, expect, it } from 'vitest';
import { call, freshEngine, minimalPatient } from '../support/engine';

function issues(json: Record<string, unknown>): { expression?: string[]; details?: { text?: string } }[] {
  return (json['issue'] ?? []) as { expression?: string[]; details?: { text?: string } }[];
}

describe('every write is validated', () => {
  it('refuses an invalid create with 400 naming the path and the problem', async () => {
    const engine = await freshEngine();
    const response = await call(engine, 'POST', 'QuestionnaireResponse', {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      item: [{ answer: [{ valueInteger: 'seven' }] }],
    });
    expect(response.status).toBe(400);
    const found = issues(response.json);
    expect(
      found.some(
        (i) =>
          i.expression?.includes('QuestionnaireResponse.item[0].linkId') && /required/i.test(i.details?.text ?? ''),
      ),
    ).toBe(true);
    expect(found.some((i) => i.expression?.[0]?.startsWith('QuestionnaireResponse.item[0].answer[0]'))).toBe(true);
  });

  it('refuses an invalid update and keeps the stored version', async () => {
    const engine = await freshEngine();
    const created = await call(engine, 'POST', 'Patient', minimalPatient('Valid'));
    const id = String(created.json['id']);
    const response = await call(engine, 'PUT', `Patient/${id}`, {
      resourceType: 'Patient',
      id,
      birthDate: 'yesterday',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('Patient.birthDate');
    expect((await call(engine, 'GET', `Patient/${id}`)).json['name']).toEqual([{ family: 'Valid' }]);
  });

  it('refuses unknown properties', async () => {
    const engine = await freshEngine();
    const response = await call(engine, 'POST', 'Patient', { ...minimalPatient('X'), favouriteColour: 'blue' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('favouriteColour');
  });
});

describe('HTTP semantics of writes', () => {
  it('update-as-create answers 201; If-Match with a stale version answers 412', async () => {
    const engine = await freshEngine();
    const put = await call(engine, 'PUT', 'Patient/chosen-id', { ...minimalPatient('Put'), id: 'chosen-id' });
    expect(put.status).toBe(201);
    const update = await call(
      engine,
      'PUT',
      'Patient/chosen-id',
      { ...minimalPatient('Put2'), id: 'chosen-id' },
      { 'If-Match': 'W/"1"' },
    );
    expect(update.status).toBe(200);
    expect(update.headers['etag']).toBe('W/"2"');
    const stale = await call(
      engine,
      'PUT',
      'Patient/chosen-id',
      { ...minimalPatient('Put3'), id: 'chosen-id' },
      { 'If-Match': 'W/"1"' },
    );
    expect(stale.status).toBe(412);
  });
});
