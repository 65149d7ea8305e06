import type { CommonMessages } from './common.en';

export const commonEs: CommonMessages = {
  appName: 'Therapy Feedback',
  loading: 'Cargando la historia del cliente…',
  print: 'Imprimir',
  launching: 'Conectando con la historia clínica…',
  retry: 'Reintentar',
  whatToDo: 'Qué hacer',
  skipToContent: 'Saltar al contenido',
  failure: {
    'config-unavailable': {
      title: 'No se pudo cargar la configuración de la aplicación',
      body: 'El archivo smart-launch.json no llegó ({{detail}}).',
      action: 'Pida al administrador del sistema que compruebe que la aplicación se instaló con su smart-launch.json.',
    },
    'config-invalid': {
      title: 'La configuración de la aplicación tiene errores',
      body: 'smart-launch.json tiene estos problemas:',
      action: 'Pida al administrador del sistema que corrija los campos indicados arriba.',
    },
    'missing-iss': {
      title: 'La aplicación se abrió sin historia clínica',
      body: 'La dirección de inicio no tiene el parámetro «iss», así que la aplicación no sabe a qué servidor FHIR conectarse.',
      action:
        'Abra la aplicación desde la ficha del paciente en su HCE, o añada ?iss=<URL base FHIR> para un inicio independiente.',
    },
    'unknown-issuer': {
      title: 'Esta historia clínica no está registrada',
      body: 'La aplicación no tiene registro para el servidor {{iss}}.',
      action: 'Pida al administrador del sistema que añada este servidor a smart-launch.json.',
    },
    'authorize-failed': {
      title: 'No se pudo iniciar la autenticación',
      body: 'El servidor de autorización no respondió o rechazó la solicitud ({{detail}}).',
      action: 'Vuelva a intentarlo. Si sigue fallando, avise al administrador del sistema.',
    },
    'access-denied': {
      title: 'No se concedió el acceso',
      body: 'Se canceló la autenticación o la historia clínica negó a la aplicación el acceso que pidió.',
      action: 'Vuelva a abrir la aplicación desde la ficha y apruebe el acceso, o pida el permiso al administrador.',
    },
    'auth-error': {
      title: 'La autenticación falló',
      body: 'El servidor de autorización respondió: {{detail}}.',
      action: 'Vuelva a abrir la aplicación desde la ficha del paciente.',
    },
    'no-patient': {
      title: 'No se seleccionó ningún paciente',
      body: 'La historia clínica no indicó a la aplicación qué paciente mostrar.',
      action: 'Abra la aplicación desde la ficha de un paciente, o elija un paciente cuando la autenticación lo pida.',
    },
    'session-expired': {
      title: 'Su sesión ha terminado',
      body: 'El acceso de la aplicación a la historia clínica caducó o nunca se estableció en esta ventana.',
      action: 'Vuelva a abrir la aplicación desde la ficha del paciente.',
    },
    unreachable: {
      title: 'No se puede conectar con la historia clínica',
      body: 'El servidor FHIR no respondió ({{detail}}).',
      action: 'Compruebe la conexión y vuelva a intentarlo.',
    },
    'unsupported-fhir': {
      title: 'Esta versión de FHIR no es compatible',
      body: 'El servidor usa FHIR {{version}}; la aplicación necesita FHIR R4 (4.0.x).',
      action: 'Pida al administrador del sistema que conecte la aplicación al punto de acceso R4 del servidor.',
    },
    'server-error': {
      title: 'La historia clínica devolvió un error',
      body: 'El servidor respondió con el estado {{detail}}.',
      action: 'Vuelva a intentarlo. Si sigue fallando, avise al administrador del sistema.',
    },
  },
};
