import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instrument } from '../../core/instruments';

// How the app speaks to the client holding the tablet: Spanish uses *usted* for adults and *tú* for
// children (the style guide in src/ui/i18n/STYLE.md). A client-facing string with a child wording has a
// `_child` variant (i18next context); without one, the adult wording serves both.

export type ClientRegister = 'adult' | 'child';

export const ClientRegisterContext = createContext<ClientRegister>('adult');

/** The child forms (CORS, CSRS) speak to a child; every other form to an adult. */
export function registerOf(instrument: Instrument): ClientRegister {
  return instrument.ageBands.includes('child') ? 'child' : 'adult';
}

/** The strings the client reads or hears on the tablet. */
export const CLIENT_KEYS = [
  'greeting',
  'handBackText',
  'clinicianOnly',
  'clinicianQuestion',
  'backToMyForm',
  'stayHere',
  'ratingStarted',
  'reviewHeading',
  'completeNeedsAll',
] as const;
export type ClientKey = (typeof CLIENT_KEYS)[number];

/** A client-facing string in the register of the client the form is for. */
export function useClientWords(): (key: ClientKey, values?: Readonly<Record<string, string | number>>) => string {
  const register = useContext(ClientRegisterContext);
  const { t } = useTranslation('administer');
  return (key, values) => t(key, { ...values, ...(register === 'child' ? { context: 'child' } : {}) });
}
