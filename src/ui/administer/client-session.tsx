import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../core/instruments';
import { AdministerForm, type AdministerFormProps } from './administer-form';
import { ClinicianReturn } from './clinician-return';
import { ExclusiveLayer } from './exclusive-layer';
import { ClientRegisterContext, registerOf, useClientWords } from './register';

export type ClientSessionProps = Omit<AdministerFormProps, 'presentation'> & {
  readonly instrument: Instrument;
  /** The clinician has confirmed it is them: show the clinician view again. */
  readonly onReturn: () => void;
};

/**
 * Client mode: the tablet shows a neutral greeting and the form, nothing else of the app. After the
 * answers are handed over (saving starts at once) the client is asked to hand the tablet back.
 */
export function ClientSession(props: ClientSessionProps) {
  return (
    <ClientRegisterContext.Provider value={registerOf(props.instrument)}>
      <ClientScreens {...props} />
    </ClientRegisterContext.Provider>
  );
}

function ClientScreens({ onReturn, onSubmit, ...form }: ClientSessionProps) {
  const { t } = useTranslation('administer');
  const words = useClientWords();
  const [done, setDone] = useState(false);
  const thanksRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) thanksRef.current?.focus();
  }, [done]);

  return (
    <ExclusiveLayer className="tf-client-layer">
      <main className="tf-client">
        {done ? (
          <section className="tf-handback">
            <h1 ref={thanksRef} tabIndex={-1}>
              {t('handBackHeading')}
            </h1>
            <p>{words('handBackText')}</p>
            <ClinicianReturn onReturn={onReturn} stayLabel={words('stayHere')} />
          </section>
        ) : (
          <>
            <p className="tf-client__greeting">{words('greeting')}</p>
            <AdministerForm
              {...form}
              presentation="client"
              onSubmit={(a, s) => {
                onSubmit(a, s);
                setDone(true);
              }}
            />
            <ClinicianReturn onReturn={onReturn} stayLabel={words('backToMyForm')} />
          </>
        )}
      </main>
    </ExclusiveLayer>
  );
}
