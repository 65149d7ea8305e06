import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { instruments } from '../../src/core/instruments';
import type { Administration } from '../../src/core/model';
import { AdministerForm, type AdministerFormProps } from '../../src/ui/administer/administer-form';
import { withI18n } from './administer-i18n.test-support';

const AUTHORED = '2025-03-04T10:15:00+01:00';

async function renderForm(overrides: Partial<AdministerFormProps> = {}, language: 'en' | 'es' = 'en') {
  const onSubmit = vi.fn<(a: Administration, s: string) => void>();
  const props: AdministerFormProps = {
    instrument: instruments.ors,
    patientKey: 'p1',
    now: () => AUTHORED,
    onSubmit,
    presentation: 'client',
    newDraftId: () => 'draft-1',
    ...overrides,
  };
  const view = render(await withI18n(<AdministerForm {...props} />, language));
  return { onSubmit, view };
}

async function rate(user: ReturnType<typeof userEvent.setup>, name: string, keys: string) {
  screen.getByRole('slider', { name }).focus();
  await user.keyboard(keys);
}

describe('AdministerForm', () => {
  it('shows the instructions, every item, the progress and the copyright line', async () => {
    await renderForm();
    expect(screen.getByRole('heading', { name: 'Outcome Rating Scale' })).toBeTruthy();
    expect(screen.getByText(/Looking back over the last week/)).toBeTruthy();
    expect(screen.getAllByRole('slider')).toHaveLength(4);
    expect(screen.getByText('0 of 4 answered')).toBeTruthy();
    expect(screen.getByText(instruments.ors.copyright.en)).toBeTruthy();
  });

  it('review blocks "Save as complete" while items are missing, lists them, and leads back to one', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderForm();
    await rate(user, 'Individually', '{End}');
    await rate(user, 'Socially', '{ArrowRight}{PageUp}');
    expect(screen.getByText('2 of 4 answered')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    expect(document.activeElement?.textContent).toBe('Check the answers');
    expect(screen.getByText('10.0')).toBeTruthy();
    expect(screen.getByText('6.0')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save as complete' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await user.click(save);
    expect(onSubmit).not.toHaveBeenCalled();
    const missing = within(screen.getByRole('status'));
    expect(missing.getByText('2 items not answered yet')).toBeTruthy();
    await user.click(missing.getByRole('button', { name: 'Answer “Overall”' }));
    expect(document.activeElement).toBe(screen.getByRole('slider', { name: 'Overall' }));
  });

  it('keeps an incomplete form as in progress, with answers in mm and the authored moment passed in', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderForm();
    await rate(user, 'Interpersonally', '{ArrowRight}{ArrowLeft}{ArrowLeft}');
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Keep as in progress' }));
    expect(onSubmit).toHaveBeenCalledWith(
      { id: 'draft-1', instrument: 'ors', authored: AUTHORED, status: 'in-progress', answers: { 'ors-2': 48 } },
      'in-progress',
    );
  });

  it('saves a complete form as completed and clears its draft', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderForm();
    for (const name of ['Individually', 'Interpersonally', 'Socially', 'Overall'])
      await rate(user, name, '{Home}{PageUp}{ArrowRight}');
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Save as complete' }));
    const [administration, status] = onSubmit.mock.calls[0]!;
    expect(status).toBe('completed');
    expect(administration.answers).toEqual({ 'ors-1': 11, 'ors-2': 11, 'ors-3': 11, 'ors-4': 11 });
    expect(sessionStorage.length).toBe(0);
  });

  it('keeps the answers in session storage across a remount (a reload of the iframe), keyed without names', async () => {
    const user = userEvent.setup();
    const first = await renderForm();
    await rate(user, 'Socially', '{End}{ArrowLeft}');
    first.view.unmount();
    expect(sessionStorage.key(0)).toBe('tf-administer-draft:p1:ors:draft-1');
    await renderForm({ newDraftId: () => 'never-used' });
    expect(screen.getByRole('slider', { name: 'Socially' }).getAttribute('aria-valuenow')).toBe('9.9');
    expect(screen.getByText('1 of 4 answered')).toBeTruthy();
  });

  it('starts empty and says so when the stored draft is not readable', async () => {
    sessionStorage.setItem('tf-administer-draft:p1:ors:draft-9', '{"draftId":"draft-9","answers":{"ors-1":"x"}}');
    await renderForm();
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read/);
    expect(sessionStorage.length).toBe(0);
  });

  it('offers the WAI-SR statements as groups of five labelled options', async () => {
    const user = userEvent.setup();
    const { onSubmit } = await renderForm({ instrument: instruments['wai-sr'] });
    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(12);
    const first = within(groups[0]!);
    expect(first.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      'Seldom',
      'Sometimes',
      'Fairly often',
      'Very often',
      'Always',
    ]);
    await user.click(first.getByRole('radio', { name: 'Very often' }));
    expect((first.getByRole('radio', { name: 'Very often' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    expect(screen.getByText('4 – Very often')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Keep as in progress' }));
    expect(onSubmit.mock.calls[0]![0].answers).toEqual({ 'wai-sr-1': 4 });
  });

  it('draws the child versions with faces at the ends and the anchors under the line', async () => {
    await renderForm({ instrument: instruments.csrs });
    expect(document.querySelectorAll('.tf-face--happy')).toHaveLength(4);
    expect(screen.getByText('The therapist listened to me.')).toBeTruthy();
  });

  it('uses the Spanish wording of the instrument and of the form', async () => {
    await renderForm({}, 'es');
    expect(screen.getByRole('heading', { name: 'Escala de Valoración de Resultados' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Individualmente' }).getAttribute('aria-valuetext')).toBe(
      'sin valorar todavía',
    );
    expect(screen.getByText('0 de 4 respondidas')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Revisar respuestas' })).toBeTruthy();
    expect(
      screen.getByText(
        '© 2000, Scott D. Miller y Barry L. Duncan. La administración electrónica requiere una licencia de los titulares de los derechos.',
      ),
    ).toBeTruthy();
  });

  it('lets a clinician type a paper score in points, with a clear message for a wrong one', async () => {
    const user = userEvent.setup();
    await renderForm({ presentation: 'paper' });
    const box = screen.getByLabelText('Overall: points from the paper form');
    await user.type(box, '7,4');
    expect(screen.getByRole('slider', { name: 'Overall' }).getAttribute('aria-valuenow')).toBe('7.4');
    await user.clear(box);
    await user.type(box, '12');
    expect(screen.getByText(/Enter a number from 0.0 to 10.0/)).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Overall' }).getAttribute('aria-valuenow')).toBe('7.4');
  });
});
