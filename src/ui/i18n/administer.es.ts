import type { AdministerStrings } from './administer.en';

import type { ClientKey } from '../administer/register';

// Spanish: *usted* for adults and for the clinician, *tú* for children (`_child` variants; STYLE.md).
export const administerEs: AdministerStrings & Partial<Record<`${ClientKey}_child`, string>> = {
  ratingValueText: '{{points}} de 10',
  notRatedYet: 'sin valorar todavía',
  ratingStarted: 'Marca puesta en {{points}}. Use las flechas para moverla.',
  ratingStarted_child: 'Marca puesta en {{points}}. Usa las flechas para moverla.',
  paperPointsLabel: '{{label}}: puntos del formulario en papel',
  paperPointsInvalid: 'Escriba un número de 0,0 a 10,0, con un decimal como máximo.',
  progress: '{{answered}} de {{total}} respondidas',
  toReview: 'Revisar respuestas',
  reviewHeading: 'Compruebe las respuestas',
  reviewHeading_child: 'Comprueba tus respuestas',
  notAnswered: 'Sin responder',
  unansweredHeading_one: '{{count}} pregunta sin responder',
  unansweredHeading_other: '{{count}} preguntas sin responder',
  answerItem: 'Responder «{{item}}»',
  completeNeedsAll:
    'Todas las preguntas necesitan respuesta para guardar el formulario como completo. Puede guardarlo como en curso.',
  completeNeedsAll_child:
    'Todas las preguntas necesitan respuesta para guardar el formulario como completo. Puedes guardarlo como en curso.',
  backToForm: 'Volver al formulario',
  keepInProgress: 'Guardar como en curso',
  saveComplete: 'Guardar como completo',
  draftUnreadable: 'No se pudieron leer las respuestas guardadas antes, así que el formulario empieza vacío.',
  greeting: 'Hola, y gracias por dedicarnos un momento.',
  greeting_child: '¡Hola! Gracias por ayudarnos un momento.',
  handBackHeading: '¡Gracias!',
  handBackText: 'Devuelva la tableta a su terapeuta, por favor.',
  handBackText_child: 'Devuelve la tableta a tu terapeuta, por favor.',
  clinicianOnly: 'Para su terapeuta',
  clinicianOnly_child: 'Para tu terapeuta',
  clinicianQuestion: 'Este botón es para su terapeuta. ¿Quiere salir de esta pantalla?',
  clinicianQuestion_child: 'Este botón es para tu terapeuta. ¿Quieres salir de esta pantalla?',
  clinicianConfirm: 'Sí, soy el terapeuta',
  backToMyForm: 'No, volver a mi formulario',
  stayHere: 'No, quedarme aquí',
  under6:
    'No se ofrece ninguna medida: el cliente tiene menos de 6 años. Las versiones para niños pequeños sirven para conversar y esta aplicación no las puntúa.',
  sessionNumber: 'Sesión {{number}} de este episodio',
  ageBandAssumed: 'No se conoce la fecha de nacimiento del cliente, así que se ofrecen los formularios para adultos.',
  handToClient: 'Dar {{name}} al cliente',
  enterPaper: 'Introducir {{name}} desde papel',
  resume: {
    heading: 'Quedó en curso',
    item: '{{name}} del {{date}}: {{answered}} de {{total}} respondidas',
    inTab: '{{name}}: respuestas guardadas en esta pestaña, aún sin guardar en la historia',
    client: 'Continuar {{name}} con el cliente',
    paper: 'Continuar {{name}} desde papel',
  },
  cancelPaper: 'Cerrar sin guardar (las respuestas se conservan para después)',
  waiting_one: 'Un guardado anterior se conserva en esta pestaña y aún no ha llegado a la historia clínica.',
  waiting_other:
    '{{count}} guardados anteriores se conservan en esta pestaña y aún no han llegado a la historia clínica.',
  ruptureNote: {
    legend: 'Registrar una ruptura en esta sesión',
    kind: {
      withdrawal: 'Retirada (la persona se retrajo, calló o asintió demasiado pronto)',
      confrontation: 'Confrontación (la persona expresó enojo o críticas)',
    },
    addressed: 'Lo hablamos en la sesión',
    save: 'Guardar nota de ruptura',
    title: 'nota de ruptura',
  },
  sendNow: 'Enviar ahora',
  paperDate: {
    label: 'Fecha del formulario en papel',
    invalid:
      'Elija un día entre el inicio de este episodio y hoy; mientras tanto, el formulario lleva la fecha de hoy.',
  },
  replace: {
    question:
      'El {{name}} ya se aplicó hoy. Si se aplica de nuevo, sus respuestas sustituyen a las de hoy en las puntuaciones y los gráficos; las anteriores quedan en la historia clínica, marcadas como no contabilizadas.',
    keep: 'Mantener las respuestas de hoy',
    confirm: 'Aplicar el {{name}} de nuevo',
  },
  moment: { sessionStart: 'Inicio de la sesión', sessionEnd: 'Final de la sesión', inventory: 'Alianza de trabajo' },
  offer: {
    due: 'Toca ahora',
    'done-today': 'Ya se hizo hoy',
    'not-due-yet': 'Toca en la sesión {{session}}',
    'not-for-age-band': 'No es para esta edad',
    'under-6-not-scored': 'No se ofrece a menores de 6 años',
  },
  saving: 'Guardando {{name}}…',
  earlierSave: 'Formulario guardado antes',
  retryNow: 'Intentarlo ahora',
  earlierCopyKept:
    'Esta historia clínica no permite que la aplicación cambie un formulario guardado, así que la copia que quedó en curso sigue en la historia y el formulario completo se guarda como uno nuevo. Esta vista solo cuenta el completo.',
  saveStatus: {
    saved: '{{name}}: guardado en la historia clínica.',
    'partly-saved': '{{name}}: guardado, salvo lo que esta historia clínica no acepta:',
    pending: '{{name}}: una parte no se pudo enviar todavía. Se guarda en esta pestaña y se enviará de nuevo.',
    pendingAll: '{{name}}: no se pudo enviar todavía. Se guarda en esta pestaña y se enviará de nuevo.',
    'session-expired':
      'La sesión con la historia clínica ha terminado. Vuelva a abrir la aplicación desde la historia; las respuestas se conservan y se enviarán entonces.',
  },
  entry: {
    saved: {
      questionnaire: 'Definición del formulario publicada.',
      response: 'Respuestas guardadas.',
      'response-update': 'Respuestas guardadas: el formulario que quedó en curso está ahora completo.',
      observation: 'Puntuaciones guardadas.',
      'flag-create': 'Nueva alerta guardada.',
      'flag-end_one': 'Se cerró en la historia una alerta que ya no aplica.',
      'flag-end_other': 'Se cerraron en la historia {{count}} alertas que ya no aplican.',
      note: 'Nota clínica guardada en la historia.',
      provenance: 'Registro de quién lo guardó guardado.',
      'rupture-note': 'Nota de ruptura guardada en la historia.',
    },
    refused: {
      response: 'No se pudieron escribir las respuestas: esta historia clínica no lo permite. Se muestran aquí.',
      'response-update':
        'No se pudieron escribir las respuestas sobre el formulario que quedó en curso. Se muestran aquí.',
      observation: 'No se pudieron escribir las puntuaciones: esta historia clínica no lo permite. Se muestran aquí.',
      'flag-create':
        'No se pudieron escribir las alertas: esta historia clínica no lo permite. Las alertas se muestran aquí.',
      'flag-end':
        'No se pudo cerrar una alerta resuelta: esta historia clínica no lo permite. Las alertas se muestran aquí.',
      note: 'No se pudo escribir la nota clínica: esta historia clínica no lo permite.',
      provenance: 'No se pudo escribir el registro de quién lo guardó: esta historia clínica no lo permite.',
      'rupture-note': 'No se pudo escribir la nota de ruptura: esta historia clínica no lo permite.',
    },
    pending: {
      questionnaire: 'Definición del formulario aún sin publicar; se volverá a intentar.',
      response: 'Respuestas aún sin enviar; se conservan y se enviarán de nuevo.',
      'response-update': 'Respuestas aún sin enviar; se conservan y se enviarán de nuevo.',
      observation: 'Puntuaciones aún sin enviar; se enviarán de nuevo.',
      'flag-create': 'Nueva alerta aún sin enviar; se enviará de nuevo.',
      'flag-end': 'Cierre de una alerta aún sin enviar; se enviará de nuevo.',
      note: 'Nota clínica aún sin enviar; se enviará de nuevo.',
      provenance: 'Registro de quién lo guardó aún sin enviar; se enviará de nuevo.',
      'rupture-note': 'Nota de ruptura aún sin enviar; se enviará de nuevo.',
    },
    info: {
      questionnaire:
        'La definición del formulario no se publica en esta historia clínica; no hace falta, las respuestas la citan por su dirección.',
    },
    noted: {
      response:
        'Respuestas guardadas dentro de la nota clínica (esta historia clínica no acepta respuestas de aplicaciones).',
      'response-update':
        'Respuestas guardadas dentro de la nota clínica (esta historia clínica no acepta respuestas de aplicaciones).',
      observation:
        'Puntuaciones escritas en la nota clínica (esta historia clínica no acepta resultados de aplicaciones).',
      'flag-create': 'Alertas escritas en la nota clínica (esta historia clínica no acepta alertas de aplicaciones).',
      'rupture-note':
        'Nota de ruptura guardada en la nota clínica (esta historia clínica no acepta registros de rupturas de aplicaciones).',
    },
  },
};
