import type { Instrument, LocalizedText, RatingLineItem } from './types';

// Item wording follows the published forms (instruments.md §1–2). It is copyrighted: deployers replace it
// with their licensed version. The Spanish text is the project's working translation, not a licensed one.

const ratingScale = { type: 'rating-line', minMm: 0, maxMm: 100 } as const;

function line(
  prefix: string,
  number: number,
  code: string,
  label: LocalizedText,
  extra: Partial<RatingLineItem> = {},
): RatingLineItem {
  return { kind: 'rating-line', code: `${prefix}-${code}`, linkId: `${prefix}-${number}`, number, label, ...extra };
}

export const ors: Instrument = {
  id: 'ors',
  kind: 'outcome',
  title: { en: 'Outcome Rating Scale', es: 'Escala de Valoración de Resultados' },
  shortName: 'ORS',
  version: '1.0.0',
  administeredAt: 'session-start',
  ageBands: ['adult', 'adolescent'],
  instructions: {
    en: 'Looking back over the last week, including today, help us understand how you have been feeling by rating how well you have been doing in the following areas of your life. Marks to the left represent low levels and marks to the right indicate high levels.',
    es: 'Pensando en la última semana, incluido el día de hoy, ayúdenos a entender cómo se ha sentido valorando cómo le ha ido en las siguientes áreas de su vida. Las marcas a la izquierda indican niveles bajos y las marcas a la derecha, niveles altos.',
  },
  items: [
    line(
      'ors',
      1,
      'individual',
      { en: 'Individually', es: 'Individualmente' },
      { gloss: { en: 'Personal well-being', es: 'Bienestar personal' } },
    ),
    line(
      'ors',
      2,
      'interpersonal',
      { en: 'Interpersonally', es: 'Interpersonalmente' },
      { gloss: { en: 'Family, close relationships', es: 'Familia, relaciones cercanas' } },
    ),
    line(
      'ors',
      3,
      'social',
      { en: 'Socially', es: 'Socialmente' },
      { gloss: { en: 'Work, school, friendships', es: 'Trabajo, escuela, amistades' } },
    ),
    line(
      'ors',
      4,
      'overall',
      { en: 'Overall', es: 'En general' },
      { gloss: { en: 'General sense of well-being', es: 'Sensación general de bienestar' } },
    ),
  ],
  scale: ratingScale,
  subscales: [],
  totalRange: { min: 0, max: 40 },
  copyright: {
    en: '© 2000, Scott D. Miller and Barry L. Duncan. Electronic administration requires a licence from the rights holders.',
    es: '© 2000, Scott D. Miller y Barry L. Duncan. La administración electrónica requiere una licencia de los titulares de los derechos.',
  },
  snomed: { code: '716613004', display: 'Outcome Rating Scale total score' },
};

export const srs: Instrument = {
  id: 'srs',
  kind: 'alliance',
  title: { en: 'Session Rating Scale', es: 'Escala de Valoración de la Sesión' },
  shortName: 'SRS',
  version: '1.0.0',
  administeredAt: 'session-end',
  ageBands: ['adult', 'adolescent'],
  instructions: {
    en: "Please rate today's session by placing a mark on the line nearest to the description that best fits your experience.",
    es: 'Valore la sesión de hoy poniendo una marca en la línea, más cerca de la descripción que mejor encaje con su experiencia.',
  },
  items: [
    line(
      'srs',
      1,
      'relationship',
      { en: 'Relationship', es: 'Relación' },
      {
        lowerAnchor: {
          en: 'I did not feel heard, understood, and respected.',
          es: 'No me sentí escuchado/a, comprendido/a ni respetado/a.',
        },
        upperAnchor: {
          en: 'I felt heard, understood, and respected.',
          es: 'Me sentí escuchado/a, comprendido/a y respetado/a.',
        },
      },
    ),
    line(
      'srs',
      2,
      'goals-topics',
      { en: 'Goals and Topics', es: 'Metas y temas' },
      {
        lowerAnchor: {
          en: 'We did not work on or talk about what I wanted to work on and talk about.',
          es: 'No trabajamos ni hablamos de lo que yo quería trabajar y hablar.',
        },
        upperAnchor: {
          en: 'We worked on and talked about what I wanted to work on and talk about.',
          es: 'Trabajamos y hablamos de lo que yo quería trabajar y hablar.',
        },
      },
    ),
    line(
      'srs',
      3,
      'approach',
      { en: 'Approach or Method', es: 'Enfoque o método' },
      {
        lowerAnchor: {
          en: "The therapist's approach is not a good fit for me.",
          es: 'El enfoque del terapeuta no encaja bien conmigo.',
        },
        upperAnchor: {
          en: "The therapist's approach is a good fit for me.",
          es: 'El enfoque del terapeuta encaja bien conmigo.',
        },
      },
    ),
    line(
      'srs',
      4,
      'overall',
      { en: 'Overall', es: 'En general' },
      {
        lowerAnchor: { en: 'There was something missing in the session today.', es: 'Faltó algo en la sesión de hoy.' },
        upperAnchor: {
          en: "Overall, today's session was right for me.",
          es: 'En general, la sesión de hoy fue adecuada para mí.',
        },
      },
    ),
  ],
  scale: ratingScale,
  subscales: [],
  totalRange: { min: 0, max: 40 },
  copyright: {
    en: '© 2002, Scott D. Miller, Barry L. Duncan, & Lynn Johnson. Electronic administration requires a licence from the rights holders.',
    es: '© 2002, Scott D. Miller, Barry L. Duncan y Lynn Johnson. La administración electrónica requiere una licencia de los titulares de los derechos.',
  },
  snomed: { code: '720482000', display: 'Session Rating Scale score' },
};

export const cors: Instrument = {
  id: 'cors',
  kind: 'outcome',
  title: { en: 'Child Outcome Rating Scale', es: 'Escala Infantil de Valoración de Resultados' },
  shortName: 'CORS',
  version: '1.0.0',
  administeredAt: 'session-start',
  ageBands: ['child'],
  instructions: {
    en: 'How are you doing? How are things going in your life? Please make a mark on the line to let us know. The closer to the smiley face, the better things are. The closer to the frowny face, things are not so good.',
    es: '¿Cómo estás? ¿Cómo van las cosas en tu vida? Haz una marca en la línea para contárnoslo. Cuanto más cerca de la cara sonriente, mejor van las cosas. Cuanto más cerca de la cara triste, peor.',
  },
  items: [
    line('cors', 1, 'me', { en: 'Me', es: 'Yo' }, { gloss: { en: 'How am I doing?', es: '¿Cómo estoy?' } }),
    line(
      'cors',
      2,
      'family',
      { en: 'Family', es: 'Familia' },
      { gloss: { en: 'How are things in my family?', es: '¿Cómo van las cosas en mi familia?' } },
    ),
    line(
      'cors',
      3,
      'school',
      { en: 'School', es: 'Escuela' },
      { gloss: { en: 'How am I doing at school?', es: '¿Cómo me va en la escuela?' } },
    ),
    line(
      'cors',
      4,
      'everything',
      { en: 'Everything', es: 'Todo' },
      { gloss: { en: 'How is everything going?', es: '¿Cómo va todo?' } },
    ),
  ],
  scale: ratingScale,
  subscales: [],
  totalRange: { min: 0, max: 40 },
  copyright: {
    en: '© 2003, Barry L. Duncan, Scott D. Miller, & Jacqueline A. Sparks. Electronic administration requires a licence from the rights holders.',
    es: '© 2003, Barry L. Duncan, Scott D. Miller y Jacqueline A. Sparks. La administración electrónica requiere una licencia de los titulares de los derechos.',
  },
  snomed: { code: '718458005', display: 'Child Outcome Rating Scale total score' },
};

export const csrs: Instrument = {
  id: 'csrs',
  kind: 'alliance',
  title: { en: 'Child Session Rating Scale', es: 'Escala Infantil de Valoración de la Sesión' },
  shortName: 'CSRS',
  version: '1.0.0',
  administeredAt: 'session-end',
  ageBands: ['child'],
  instructions: {
    en: 'How was our time together today? Please put a mark on the lines below to let us know how you feel.',
    es: '¿Qué tal nuestro tiempo juntos hoy? Pon una marca en las líneas para contarnos cómo te sientes.',
  },
  items: [
    line(
      'csrs',
      1,
      'listening',
      { en: 'Listening', es: 'Escuchar' },
      {
        lowerAnchor: { en: 'The therapist did not always listen to me.', es: 'El terapeuta no siempre me escuchó.' },
        upperAnchor: { en: 'The therapist listened to me.', es: 'El terapeuta me escuchó.' },
      },
    ),
    line(
      'csrs',
      2,
      'how-important',
      { en: 'How Important', es: 'Qué tan importante' },
      {
        lowerAnchor: {
          en: 'What we did and talked about was not really that important to me.',
          es: 'Lo que hicimos y hablamos no era muy importante para mí.',
        },
        upperAnchor: {
          en: 'What we did and talked about were important to me.',
          es: 'Lo que hicimos y hablamos era importante para mí.',
        },
      },
    ),
    line(
      'csrs',
      3,
      'what-we-did',
      { en: 'What We Did', es: 'Lo que hicimos' },
      {
        lowerAnchor: { en: 'I did not like what we did today.', es: 'No me gustó lo que hicimos hoy.' },
        upperAnchor: { en: 'I liked what we did today.', es: 'Me gustó lo que hicimos hoy.' },
      },
    ),
    line(
      'csrs',
      4,
      'overall',
      { en: 'Overall', es: 'En general' },
      {
        lowerAnchor: { en: 'I wish we could do something different.', es: 'Ojalá pudiéramos hacer algo diferente.' },
        upperAnchor: {
          en: 'I hope we do the same kind of things next time.',
          es: 'Espero que hagamos cosas parecidas la próxima vez.',
        },
      },
    ),
  ],
  scale: ratingScale,
  subscales: [],
  totalRange: { min: 0, max: 40 },
  copyright: {
    en: '© 2003, Barry L. Duncan, Scott D. Miller, & Jacqueline A. Sparks. Electronic administration requires a licence from the rights holders.',
    es: '© 2003, Barry L. Duncan, Scott D. Miller y Jacqueline A. Sparks. La administración electrónica requiere una licencia de los titulares de los derechos.',
  },
  snomed: { code: '718762000', display: 'Child Session Rating Scale score' },
};
