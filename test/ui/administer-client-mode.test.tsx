import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { instruments, type Instrument } from '../../src/core/instruments';
import { ClientSession } from '../../src/ui/administer/client-session';
import { withI18n } from './administer-i18n.test-support';

function ClinicianView({
  onSubmit,
  instrument = instruments.ors,
}: {
  readonly onSubmit: () => void;
  readonly instrument?: Instrument;
}) {
  const [clientMode, setClientMode] = useState(true);
  return (
    <>
      <section data-testid="chart">
        <h2>Chart of Jane Example</h2>
        <p>ORS intake 18.2</p>
      </section>
      {clientMode && (
        <ClientSession
          instrument={instrument}
          patientKey="p1"
          now={() => '2025-03-04T10:00:00+01:00'}
          newDraftId={() => 'd1'}
          onSubmit={onSubmit}
          onReturn={() => setClientMode(false)}
        />
      )}
    </>
  );
}

async function rateAll(user: ReturnType<typeof userEvent.setup>) {
  for (const slider of screen.getAllByRole('slider')) {
    slider.focus();
    await user.keyboard('{End}');
  }
}

describe('client mode', () => {
  it('shows only a neutral greeting and the form: the chart is hidden and inert', async () => {
    const { container } = render(await withI18n(<ClinicianView onSubmit={vi.fn()} />));
    expect(container.hidden).toBe(true);
    expect(container.inert).toBe(true);
    const layer = document.querySelector('.tf-client')!;
    expect(layer.textContent).toContain('Hello, and thank you for taking a moment.');
    expect(layer.textContent).not.toMatch(/Jane|Example|intake/);
    expect(screen.queryByRole('heading', { name: 'Chart of Jane Example' })).toBeNull();
    expect(screen.getAllByRole('slider')).toHaveLength(4);
  });

  it('after saving asks the client to hand back, and returns to the clinician only after a confirmed choice', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const { container } = render(await withI18n(<ClinicianView onSubmit={onSubmit} />));
    await rateAll(user);
    await user.click(screen.getByRole('button', { name: 'Review answers' }));
    await user.click(screen.getByRole('button', { name: 'Save as complete' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('heading', { name: 'Thank you!' })).toBe(document.activeElement);
    expect(screen.getByText('Please hand the tablet back to your clinician.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'For your clinician' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'No, stay here' }));
    await user.click(screen.getByRole('button', { name: 'No, stay here' }));
    expect(container.hidden).toBe(true);

    await user.click(screen.getByRole('button', { name: 'For your clinician' }));
    await user.click(screen.getByRole('button', { name: 'Yes, I am the clinician' }));
    expect(container.hidden).toBe(false);
    expect(container.inert).toBe(false);
    expect(screen.getByRole('heading', { name: 'Chart of Jane Example' })).toBeTruthy();
    expect(document.querySelector('.tf-client')).toBeNull();
  });

  it('a clinician can take the tablet back mid-form; the answers stay as a draft', async () => {
    const user = userEvent.setup();
    const { container } = render(await withI18n(<ClinicianView onSubmit={vi.fn()} />));
    screen.getByRole('slider', { name: 'Socially' }).focus();
    await user.keyboard('{PageUp}');
    await user.click(screen.getByRole('button', { name: 'For your clinician' }));
    await user.click(screen.getByRole('button', { name: 'Yes, I am the clinician' }));
    expect(container.hidden).toBe(false);
    expect(JSON.parse(sessionStorage.getItem('tf-administer-draft:p1:ors:d1') ?? '{}')).toEqual({
      draftId: 'd1',
      answers: { 'ors-3': 50 },
    });
  });

  it('speaks Spanish to the client', async () => {
    render(await withI18n(<ClinicianView onSubmit={vi.fn()} />, 'es'));
    expect(screen.getByText('Hola, y gracias por dedicarnos un momento.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Para su terapeuta' })).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Socialmente' })).toBeTruthy();
  });

  it('speaks to a child with tú and to an adult with usted (the Spanish style guide)', async () => {
    const user = userEvent.setup();
    const { unmount } = render(
      await withI18n(<ClinicianView onSubmit={vi.fn()} instrument={instruments.cors} />, 'es'),
    );
    expect(screen.getByText('¡Hola! Gracias por ayudarnos un momento.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Para tu terapeuta' }));
    expect(screen.getByText('Este botón es para tu terapeuta. ¿Quieres salir de esta pantalla?')).toBeTruthy();
    unmount();
    render(await withI18n(<ClinicianView onSubmit={vi.fn()} />, 'es'));
    await user.click(screen.getByRole('button', { name: 'Para su terapeuta' }));
    expect(screen.getByText('Este botón es para su terapeuta. ¿Quiere salir de esta pantalla?')).toBeTruthy();
  });
});
