import type { Language } from '../../core/instruments/types';

// The caseload's `caseload` namespace. Statuses, alert titles, priorities and age bands are the clinician
// view's own words (`dashboard` namespace), so the list and the view never name a thing differently.

const en = {
  heading: 'My caseload',
  caption: 'Your clients, {{count}} shown, sorted by {{sort}}',
  captionNeed: 'need (alerts, then booked today with a measure due, then the rest)',
  summary: '{{total}} clients · {{alerts}} with alerts · {{dueToday}} due today',
  filters: 'Show only',
  onlyOffTrack: 'Off track',
  onlyDueToday: 'Due today',
  empty: 'No clients match.',
  noClients:
    'No clients found for you: no appointments this week, no responses you wrote recently and no care team membership.',
  col: {
    name: 'Client',
    ageBand: 'Age band',
    next: 'Next appointment',
    outcome: 'Outcome',
    alliance: 'Alliance',
    alert: 'Newest alert',
    due: 'Due next session',
    since: 'Days since last measure',
  },
  sortBy: 'Sort by {{column}}',
  need: 'Need',
  open: 'Open {{name}}',
  unnamed: 'Unnamed client',
  none: '—',
  nothingDue: 'Nothing',
  today: 'Today {{time}}',
  days_one: '{{count}} day',
  days_other: '{{count}} days',
  notSaved_one: '1 response not saved (kept in this tab)',
  notSaved_other: '{{count}} responses not saved (kept in this tab)',
  back: 'Back to my caseload',
  problems: 'Some of the caseload could not be read:',
  mine: {
    heading: 'My outcomes (only you see this)',
    intro: 'Figures from the clients in this list, computed in this browser; nothing is written to the record.',
    seen_one: '{{count}} client seen (with at least one outcome measure).',
    seen_other: '{{count}} clients seen (with at least one outcome measure).',
    caption: 'Your outcomes in the current episode of each client, with 95% confidence intervals',
    col: { figure: 'Figure', value: 'Value', ci: '95% CI', n: 'N (clients)', note: 'Note' },
    figure: {
      reliableImprovement: 'Reliably improved',
      recovered: 'Recovered (of clinical intakes)',
      deterioration: 'Reliably deteriorated',
      dropout: 'Dropout (one session, none since)',
      effectSize: 'Pre–post effect size',
      saes: 'Severity-adjusted effect size',
    },
    shareValue: '{{value}} ({{count}} of {{n}})',
    ci: '{{low}} to {{high}}',
    tooFew: 'Too few clients for this to mean much',
    method:
      'Change is reliable at the reliable change index; recovery also needs the cutoff crossed. Effect sizes are the mean change over the SD of intake scores; the severity-adjusted one is the change predicted by a regression of change on intake at a typical intake (17.5), over the same SD (residualised change, Brown, Lambert, Jones & Minami 2005). See the README for the method and its limits.',
  },
};

type CaseloadMessages = typeof en;

const es: CaseloadMessages = {
  heading: 'Mis pacientes',
  caption: 'Sus pacientes, {{count}} mostrados, ordenados por {{sort}}',
  captionNeed: 'necesidad (alertas, luego citados hoy con una medida pendiente, luego el resto)',
  summary: '{{total}} pacientes · {{alerts}} con alertas · {{dueToday}} pendientes hoy',
  filters: 'Mostrar solo',
  onlyOffTrack: 'Fuera de trayectoria',
  onlyDueToday: 'Pendientes hoy',
  empty: 'Ningún paciente coincide.',
  noClients:
    'No se encontraron pacientes suyos: sin citas esta semana, sin respuestas recientes registradas por usted y sin pertenencia a un equipo de atención.',
  col: {
    name: 'Paciente',
    ageBand: 'Grupo de edad',
    next: 'Próxima cita',
    outcome: 'Resultado',
    alliance: 'Alianza',
    alert: 'Alerta más reciente',
    due: 'Pendiente en la próxima sesión',
    since: 'Días desde la última medida',
  },
  sortBy: 'Ordenar por {{column}}',
  need: 'Necesidad',
  open: 'Abrir {{name}}',
  unnamed: 'Paciente sin nombre',
  none: '—',
  nothingDue: 'Nada',
  today: 'Hoy {{time}}',
  days_one: '{{count}} día',
  days_other: '{{count}} días',
  notSaved_one: '1 respuesta sin guardar (en esta pestaña)',
  notSaved_other: '{{count}} respuestas sin guardar (en esta pestaña)',
  back: 'Volver a mis pacientes',
  problems: 'Parte de la lista no se pudo leer:',
  mine: {
    heading: 'Mis resultados (solo usted los ve)',
    intro: 'Cifras de los pacientes de esta lista, calculadas en este navegador; no se escribe nada en el expediente.',
    seen_one: '{{count}} paciente atendido (con al menos una medida de resultado).',
    seen_other: '{{count}} pacientes atendidos (con al menos una medida de resultado).',
    caption: 'Sus resultados en el episodio actual de cada paciente, con intervalos de confianza del 95 %',
    col: { figure: 'Indicador', value: 'Valor', ci: 'IC 95 %', n: 'N (pacientes)', note: 'Nota' },
    figure: {
      reliableImprovement: 'Mejoría fiable',
      recovered: 'Recuperados (de ingresos clínicos)',
      deterioration: 'Empeoramiento fiable',
      dropout: 'Abandono (una sesión y ninguna después)',
      effectSize: 'Tamaño del efecto pre–post',
      saes: 'Tamaño del efecto ajustado por gravedad',
    },
    shareValue: '{{value}} ({{count}} de {{n}})',
    ci: '{{low}} a {{high}}',
    tooFew: 'Muy pocos pacientes para que esto signifique mucho',
    method:
      'El cambio es fiable a partir del índice de cambio fiable; la recuperación exige además cruzar el punto de corte. Los tamaños del efecto son el cambio medio dividido por la DE de las puntuaciones de ingreso; el ajustado por gravedad es el cambio que predice una regresión del cambio sobre el ingreso en un ingreso típico (17,5), dividido por la misma DE (cambio residualizado, Brown, Lambert, Jones y Minami 2005). El método y sus límites están en el README.',
  },
};

export const caseloadMessages: Readonly<Record<Language, CaseloadMessages>> = { en, es };
