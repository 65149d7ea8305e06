import type { Instrument, LikertItem, LocalizedText, WaiSubscale } from './types';

// Hatcher & Gillaspy (2006), client form. "the therapist" stands where the form has a blank for the
// therapist's name. Subscale keys: Task 1,2,10,12; Bond 3,5,7,9; Goal 4,6,8,11; no reverse scoring.

function statement(number: number, subscale: WaiSubscale, text: LocalizedText): LikertItem {
  return { kind: 'likert', code: `wai-sr-${number}`, linkId: `wai-sr-${number}`, number, text, subscale };
}

export const waiSr: Instrument = {
  id: 'wai-sr',
  kind: 'alliance-inventory',
  title: {
    en: 'Working Alliance Inventory – Short Revised',
    es: 'Inventario de Alianza de Trabajo – Versión Breve Revisada',
  },
  shortName: 'WAI-SR',
  version: '1.0.0',
  administeredAt: 'periodic',
  ageBands: ['adult', 'adolescent'],
  instructions: {
    en: 'Below is a list of statements about experiences people might have with their therapy or therapist. Please indicate how often each statement describes your experience.',
    es: 'A continuación hay una lista de afirmaciones sobre experiencias que las personas pueden tener con su terapia o su terapeuta. Indique con qué frecuencia cada afirmación describe su experiencia.',
  },
  items: [
    statement(1, 'task', {
      en: 'As a result of these sessions I am clearer as to how I might be able to change.',
      es: 'Como resultado de estas sesiones tengo más claro cómo podría cambiar.',
    }),
    statement(2, 'task', {
      en: 'What I am doing in therapy gives me new ways of looking at my problem.',
      es: 'Lo que hago en terapia me da nuevas formas de ver mi problema.',
    }),
    statement(3, 'bond', { en: 'I believe the therapist likes me.', es: 'Creo que le agrado al terapeuta.' }),
    statement(4, 'goal', {
      en: 'The therapist and I collaborate on setting goals for my therapy.',
      es: 'El terapeuta y yo colaboramos para fijar las metas de mi terapia.',
    }),
    statement(5, 'bond', {
      en: 'The therapist and I respect each other.',
      es: 'El terapeuta y yo nos respetamos mutuamente.',
    }),
    statement(6, 'goal', {
      en: 'The therapist and I are working towards mutually agreed upon goals.',
      es: 'El terapeuta y yo trabajamos hacia metas acordadas entre los dos.',
    }),
    statement(7, 'bond', {
      en: 'I feel that the therapist appreciates me.',
      es: 'Siento que el terapeuta me aprecia.',
    }),
    statement(8, 'goal', {
      en: 'The therapist and I agree on what is important for me to work on.',
      es: 'El terapeuta y yo estamos de acuerdo en qué es importante que yo trabaje.',
    }),
    statement(9, 'bond', {
      en: 'I feel the therapist cares about me even when I do things that he/she does not approve of.',
      es: 'Siento que al terapeuta le importo incluso cuando hago cosas que no aprueba.',
    }),
    statement(10, 'task', {
      en: 'I feel that the things I do in therapy will help me to accomplish the changes that I want.',
      es: 'Siento que lo que hago en terapia me ayudará a lograr los cambios que quiero.',
    }),
    statement(11, 'goal', {
      en: 'The therapist and I have established a good understanding of the kind of changes that would be good for me.',
      es: 'El terapeuta y yo hemos llegado a entender bien qué tipo de cambios serían buenos para mí.',
    }),
    statement(12, 'task', {
      en: 'I believe the way we are working with my problem is correct.',
      es: 'Creo que la forma en que trabajamos mi problema es la correcta.',
    }),
  ],
  scale: {
    type: 'likert',
    options: [
      { value: 1, code: 'seldom', label: { en: 'Seldom', es: 'Rara vez' } },
      { value: 2, code: 'sometimes', label: { en: 'Sometimes', es: 'A veces' } },
      { value: 3, code: 'fairly-often', label: { en: 'Fairly often', es: 'Con bastante frecuencia' } },
      { value: 4, code: 'very-often', label: { en: 'Very often', es: 'Muy a menudo' } },
      { value: 5, code: 'always', label: { en: 'Always', es: 'Siempre' } },
    ],
  },
  subscales: [
    { id: 'task', code: 'wai-sr-task', label: { en: 'Task', es: 'Tarea' }, itemNumbers: [1, 2, 10, 12] },
    { id: 'bond', code: 'wai-sr-bond', label: { en: 'Bond', es: 'Vínculo' }, itemNumbers: [3, 5, 7, 9] },
    { id: 'goal', code: 'wai-sr-goal', label: { en: 'Goal', es: 'Meta' }, itemNumbers: [4, 6, 8, 11] },
  ],
  totalRange: { min: 12, max: 60 },
  copyright: {
    en: 'WAI-SR © Hatcher & Gillaspy (2006), from the Working Alliance Inventory © Adam O. Horvath; rights reportedly held by the Society for Psychotherapy Research. Confirm permission before use.',
    es: 'WAI-SR © Hatcher y Gillaspy (2006), a partir del Working Alliance Inventory © Adam O. Horvath; los derechos los tendría la Society for Psychotherapy Research. Confirme el permiso antes de usarlo.',
  },
};
