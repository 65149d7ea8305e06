import type { AdministerStrings } from './administer.en';

export const administerEs: AdministerStrings = {
  ratingValueText: '{{points}} de 10',
  notRatedYet: 'sin valorar todavía',
  ratingStarted: 'Marca puesta en {{points}}. Use las flechas para moverla.',
  paperPointsLabel: '{{label}}: puntos del formulario en papel',
  paperPointsInvalid: 'Escriba un número de 0,0 a 10,0, con un decimal como máximo.',
  progress: '{{answered}} de {{total}} respondidas',
  toReview: 'Revisar respuestas',
  reviewHeading: 'Compruebe las respuestas',
  notAnswered: 'Sin responder',
  unansweredHeading_one: '{{count}} pregunta sin responder',
  unansweredHeading_other: '{{count}} preguntas sin responder',
  answerItem: 'Responder «{{item}}»',
  completeNeedsAll: 'Todas las preguntas necesitan respuesta para guardar el formulario como completo. Puede guardarlo como en curso.',
  backToForm: 'Volver al formulario',
  keepInProgress: 'Guardar como en curso',
  saveComplete: 'Guardar como completo',
  draftUnreadable: 'No se pudieron leer las respuestas guardadas antes, así que el formulario empieza vacío.',
};
