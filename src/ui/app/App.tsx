import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BootedCaseload } from '../caseload/boot-caseload';
import type { Failure, Outcome } from '../failure';
import { boot, type BootedApp, type BootEnv } from './boot';
import { FailureScreen } from './FailureScreen';
import { ReadyView } from './ReadyView';

type State =
  | { readonly phase: 'loading' }
  | { readonly phase: 'failed'; readonly failure: Failure }
  | { readonly phase: 'ready'; readonly app: BootedApp }
  | { readonly phase: 'caseload'; readonly caseload: BootedCaseload };

// Only a launch without a patient needs the caseload's code.
const CaseloadApp = lazy(() => import('../caseload/CaseloadApp'));

function stateOf(result: Outcome<BootedApp | BootedCaseload>): State {
  if (!result.ok) return { phase: 'failed', failure: result.error };
  return 'kind' in result.value ? { phase: 'caseload', caseload: result.value } : { phase: 'ready', app: result.value };
}

/** The app page: boots once per attempt (a second `ready()` would spend the one-time code twice). */
export function App({ env }: { readonly env: BootEnv }) {
  const { t } = useTranslation('common');
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);
  useEffect(() => {
    if (started.current === attempt) return;
    started.current = attempt;
    void boot(env).then((result) => setState(stateOf(result)));
  }, [env, attempt]);
  const onReloaded = useCallback((result: Outcome<BootedApp>) => setState(stateOf(result)), []);
  const retry = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return (
    <>
      <a className="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <p className="app-name">{t('appName')}</p>
        {/* Inside an EHR frame the browser's own print prints the EHR page; this prints the app. */}
        {state.phase === 'ready' && (
          <button type="button" className="print-button" onClick={() => window.print()}>
            {t('print')}
          </button>
        )}
      </header>
      <main id="content" tabIndex={-1}>
        {state.phase === 'loading' && (
          <p className="page-status" role="status">
            {t('loading')}
          </p>
        )}
        {state.phase === 'failed' && <FailureScreen failure={state.failure} onRetry={retry} />}
        {state.phase === 'ready' && <ReadyView app={state.app} onReloaded={onReloaded} />}
        {state.phase === 'caseload' && (
          <Suspense
            fallback={
              <p className="page-status" role="status">
                {t('loading')}
              </p>
            }
          >
            <CaseloadApp booted={state.caseload} />
          </Suspense>
        )}
      </main>
    </>
  );
}
