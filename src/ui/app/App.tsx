import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Failure } from '../failure';
import { AdministerSlot } from './administer-slot';
import { boot, reload, type BootedApp, type BootEnv } from './boot';
import { FailureScreen } from './FailureScreen';

type State =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly failure: Failure }
  | { readonly phase: 'ready'; readonly app: BootedApp };

/** The app page: boots once per attempt (a second `ready()` would spend the one-time code twice). */
export function App({ env }: { readonly env: BootEnv }) {
  const { t } = useTranslation('common');
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);
  useEffect(() => {
    if (started.current === attempt) return;
    started.current = attempt;
    void boot(env).then((result) => setState(result.ok ? { phase: 'ready', app: result.value } : { phase: 'failed', failure: result.failure }));
  }, [env, attempt]);
  const retry = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return (
    <>
      <a className="skip-link" href="#content">{t('skipToContent')}</a>
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        {/* Inside an EHR frame the browser's own print prints the EHR page; this prints the app. */}
        {state.phase === 'ready' && <button type="button" className="print-button" onClick={() => window.print()}>{t('print')}</button>}
      </header>
      <main id="content" tabIndex={-1}>
        {state.phase === 'loading' && <p className="page-status" role="status">{t('loading')}</p>}
        {state.phase === 'failed' && <FailureScreen failure={state.failure} onRetry={retry} />}
        {state.phase === 'ready' && <ReadyView app={state.app} onChange={setState} />}
      </main>
    </>
  );
}

function ReadyView({ app, onChange }: { readonly app: BootedApp; readonly onChange: (s: State) => void }) {
  const refresh = useCallback(async () => {
    const result = await reload(app);
    onChange(result.ok ? { phase: 'ready', app: result.value } : { phase: 'failed', failure: result.failure });
  }, [app, onChange]);
  const { transport, launch, record, config, storage } = app.shell;
  const device = useMemo(() => ({ name: config.app.name, version: config.app.version }), [config.app.name, config.app.version]);
  const { Dashboard } = app.view;
  const administer = (
    <AdministerSlot transport={transport} launch={launch} record={record} app={device} writeBack={config.writeBack} storage={storage} onSaved={() => void refresh()} />
  );
  return <Dashboard model={app.model} administer={administer} />;
}
