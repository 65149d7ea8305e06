import type { DeployConfig } from './deploy-config';

// The headers an EHR deployment needs. The CSP must be an HTTP header: frame-ancestors is ignored in <meta>.

export function contentSecurityPolicy(config: Pick<DeployConfig, 'frameAncestors' | 'connectOrigins'>): string {
  const frameAncestors = config.frameAncestors.length > 0 ? config.frameAncestors.join(' ') : "'none'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${config.connectOrigins.join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Hashed build assets never change; pages and configuration must always be fetched fresh. */
export function cachingFor(path: string): string {
  return /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.\w+$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-store';
}

/** The headers per path for one deployment: everything but the caching is fixed, so it is built once. */
export function securityHeadersFor(config: DeployConfig): (path: string) => Record<string, string> {
  const fixed = {
    'content-security-policy': contentSecurityPolicy(config),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin-allow-popups',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  };
  const hsts: Record<string, string> = config.hsts
    ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' }
    : {};
  return (path) => ({ ...fixed, 'cache-control': cachingFor(path), ...hsts });
}

export function securityHeaders(config: DeployConfig, path: string): Record<string, string> {
  return securityHeadersFor(config)(path);
}
