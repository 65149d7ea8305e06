import { SUPPORTED_SCOPES } from './grant';
import { SIGNING_ALG } from './keys';

// The discovery documents. Capabilities list only what this server really does (tests hold it to that).

export interface AuthUrls {
  /** The FHIR base, e.g. http://127.0.0.1:8080/fhir. */
  readonly fhirBaseUrl: string;
  /** Issuer of tokens and OpenID Connect documents, e.g. http://127.0.0.1:8080/auth. */
  readonly issuer: string;
  readonly authorize: string;
  readonly token: string;
  readonly jwks: string;
  readonly style: string;
  readonly pick: string;
}

export function authUrls(origin: string): AuthUrls {
  const issuer = `${origin}/auth`;
  return {
    fhirBaseUrl: `${origin}/fhir`,
    issuer,
    authorize: `${issuer}/authorize`,
    token: `${issuer}/token`,
    jwks: `${issuer}/jwks`,
    style: `${issuer}/smart-style.json`,
    pick: `${issuer}/pick`,
  };
}

export const SMART_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'authorize-post',
  'client-public',
  'context-ehr-patient',
  'context-ehr-encounter',
  'context-standalone-patient',
  'context-banner',
  'context-style',
  'permission-v2',
  'permission-v1',
  'permission-patient',
  'permission-user',
  'permission-offline',
  'permission-online',
  'sso-openid-connect',
] as const;

export function smartConfiguration(urls: AuthUrls): Record<string, unknown> {
  return {
    issuer: urls.issuer,
    jwks_uri: urls.jwks,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: SUPPORTED_SCOPES,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    capabilities: SMART_CAPABILITIES,
  };
}

export function openidConfiguration(urls: AuthUrls): Record<string, unknown> {
  return {
    issuer: urls.issuer,
    jwks_uri: urls.jwks,
    authorization_endpoint: urls.authorize,
    token_endpoint: urls.token,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALG],
    scopes_supported: ['openid', 'fhirUser'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'nonce', 'fhirUser'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['none'],
    code_challenge_methods_supported: ['S256'],
  };
}

/** The SMART style the EHR page uses; its URL is the token's smart_style_url. */
export const SMART_STYLE = {
  color_background: '#f6f7f9',
  color_error: '#b3261e',
  color_highlight: '#1d5fa8',
  color_modal_backdrop: 'rgba(20, 24, 31, 0.5)',
  color_success: '#1e7b3a',
  color_text: '#1c2127',
  dim_border_radius: '6px',
  dim_font_size: '15px',
  dim_spacing_size: '16px',
  font_family_body: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  font_family_heading: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
} as const;
