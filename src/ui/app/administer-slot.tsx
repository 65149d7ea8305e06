import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { registerNamespace } from '../i18n';
import type { AdministerModule, AdministerPanelProps } from './app-context';

// The administering UI (src/ui/administer) is found at build time and loaded on demand; a build without
// it simply has no administer area.
const modules = import.meta.glob<AdministerModule>('../administer/index.tsx');
const loader = Object.values(modules)[0];

/** Registers the module's `administer` namespace before its panel first renders. */
function withMessages(module: AdministerModule): ComponentType<AdministerPanelProps> {
  const Inner = module.AdministerPanel;
  return function AdministerWithMessages(props: AdministerPanelProps) {
    const { i18n } = useTranslation();
    if (module.administerMessages && !i18n.hasResourceBundle('en', 'administer')) registerNamespace(i18n, 'administer', module.administerMessages);
    return <Inner {...props} />;
  };
}

const Panel = loader ? lazy(async () => ({ default: withMessages(await loader()) })) : undefined;

export function AdministerSlot(props: AdministerPanelProps) {
  const { t } = useTranslation('dashboard');
  if (!Panel) return null;
  return (
    <section className="administer" aria-labelledby="administer-heading">
      <h2 id="administer-heading">{t('administer.heading')}</h2>
      <Suspense fallback={<p className="muted">…</p>}><Panel {...props} /></Suspense>
    </section>
  );
}
