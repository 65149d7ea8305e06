import type { RuleWordingTable } from './types';

// Las reglas en español, con las mismas `{marcas}` que el inglés: las cifras vienen de la configuración.

export const ruleWordingEs: RuleWordingTable = {
  decimal: ',',
  subscales: { task: 'Tarea', bond: 'Vínculo', goal: 'Meta' },
  rules: {
    'outcome-deterioration': {
      title: 'Las puntuaciones han bajado desde la admisión',
      meaning:
        'La última puntuación de resultado está al menos un cambio fiable ({reliableChange} puntos) por debajo de la de admisión del episodio.',
      next: 'Hable con el cliente sobre cómo van las cosas y qué ha cambiado; considere cambiar el enfoque o consultar con un colega.',
      summary: '{instrument}: peor que en la admisión de forma fiable ({intake} → {latest}); hable con el cliente',
    },
    'outcome-not-on-track-early': {
      title: 'Todavía no va según lo esperado',
      meaning:
        'El cliente empezó en el rango clínico y, en la respuesta de resultado {earlyFrom} a {earlyTo} del episodio, puntúa por debajo de la banda del curso esperado para su admisión.',
      next: 'Hable con el cliente sobre lo que ayuda y lo que no, y revisen juntos las metas.',
      summary: '{instrument}: no va según lo esperado en la sesión {session}; hable del progreso con el cliente',
    },
    'outcome-not-on-track-persistent': {
      title: 'Sigue sin ir según lo esperado',
      meaning:
        'El cliente empezó en el rango clínico y, en la respuesta de resultado {persistentFrom} o posterior del episodio, sigue puntuando por debajo de la banda del curso esperado para su admisión.',
      next: 'Revise las metas con el cliente y considere cambiar el enfoque, añadir apoyo o consultar con un colega.',
      summary:
        '{instrument}: sigue sin ir según lo esperado en la sesión {session}; revise metas y enfoque con el cliente',
    },
    'outcome-sharp-drop': {
      title: 'Caída brusca desde la última sesión',
      meaning:
        'La última puntuación de resultado está al menos un cambio fiable ({reliableChange} puntos) por debajo de la anterior.',
      next: 'Pregunte al cliente qué ha pasado desde la última sesión.',
      summary: '{instrument}: caída brusca desde la última sesión; pregunte al cliente qué ha pasado',
    },
    'outcome-recovered': {
      title: 'Mejora fiable hasta el rango no clínico',
      meaning:
        'El cliente empezó en el rango clínico, ha ganado al menos un cambio fiable ({reliableChange} puntos) y ahora puntúa en el corte clínico o por encima.',
      next: 'Hable con el cliente sobre cómo mantener lo logrado y sobre planificar el cierre de la terapia.',
      summary: '{instrument}: mejora fiable, ahora por encima del corte clínico ({latest})',
    },
    'alliance-concern': {
      title: 'Valoración de la sesión por debajo del corte',
      meaning:
        'El total de la última valoración de la sesión está por debajo del corte de alianza ({allianceCutoff}): quizá el cliente no se sienta del todo escuchado o la forma de trabajar no encaje.',
      next: 'Invite al cliente a decir qué podría hacer más útiles las sesiones, y agradézcale que lo diga.',
      summary:
        '{instrument}: última sesión valorada en {latest}, por debajo de {allianceCutoff}; pregunte qué podría mejorar',
    },
    'alliance-rupture-risk': {
      title: 'Posible tensión en la relación de trabajo',
      meaning:
        'La valoración de la sesión bajó {ruptureDrop} puntos o más, o pasó de estar en el corte de alianza ({allianceCutoff}) o por encima a estar por debajo; o estuvo por debajo del corte en dos sesiones seguidas; o está por debajo del corte mientras hay una alerta de resultado activa.',
      next: 'Hable abiertamente con el cliente sobre la relación y la forma de trabajar; considere consultar con un colega.',
      summary: '{instrument}: posible tensión en la relación de trabajo; háblelo con el cliente',
    },
    'alliance-dip': {
      title: 'Valoración más baja que la vez anterior',
      meaning: 'El total de la última valoración de la sesión está {dip} o más puntos por debajo del anterior.',
      next: 'Pregunte al cliente qué fue distinto en esta sesión.',
      summary: '{instrument}: sesión valorada más baja que la vez anterior; pregunte al cliente',
    },
    'alliance-item-concern': {
      title: 'Un aspecto de la sesión con valoración más baja',
      meaning: 'Al menos un ítem de la última valoración de la sesión está por debajo de {itemConcern} puntos.',
      next: 'Pregunte al cliente por ese aspecto: la relación, las metas, el enfoque o la sesión en general.',
      summary: '{instrument}: un aspecto de la sesión valorado por debajo de {itemConcern}; pregunte al cliente',
    },
    'alliance-wai-drop': {
      title: 'El inventario de alianza de trabajo bajó de forma fiable',
      meaning:
        'Una media de subescala del WAI-SR bajó al menos su cambio fiable ({waiReliableDrop}) desde el inventario anterior.',
      next: 'Revise con el cliente las tareas, las metas acordadas y el vínculo.',
      summary: '{instrument}: la alianza bajó desde el último inventario; revisen juntos metas, tareas y vínculo',
    },
    'alliance-wai-dip': {
      title: 'El inventario de alianza de trabajo bajó un poco',
      meaning:
        'Una media de subescala del WAI-SR bajó {waiDip} o más desde el inventario anterior, pero menos que su cambio fiable.',
      next: 'Tenga presentes las tareas, las metas y el vínculo en las próximas sesiones.',
      summary:
        '{instrument}: la alianza bajó un poco desde el último inventario; tenga presentes metas, tareas y vínculo',
    },
    'alliance-rupture-unresolved': {
      title: 'Una ruptura en la relación de trabajo no se ha reparado',
      meaning:
        'Una valoración de la sesión (o una subescala del WAI-SR) cayó de forma fiable por debajo del nivel propio del cliente, o por debajo del corte de alianza tras buenas valoraciones, y no ha vuelto en {repairWindow} valoraciones.',
      next: 'Metacomunique: nombre el cambio que notó, invite al cliente a decir qué pasó entre ustedes y reconozca su parte.',
      summary: '{instrument}: la alianza no ha vuelto al nivel propio del cliente; hablen de lo que pasó entre ustedes',
    },
  },
};
