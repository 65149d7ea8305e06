import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdministerWorkspaceProps } from '../administer/administer-panel';
import { registerNamespace } from '../i18n';

// The administering UI (src/ui/administer) in its own chunk, loaded when the clinician view first shows it,
// so the forms stay out of the initial bundle. It receives everything it needs as props: it never imports
// the app shell back.
const Workspace = lazy(async () => {
  const administer = await import('../administer');
  function AdministerWithMessages(props: AdministerWorkspaceProps) {
    const { i18n } = useTranslation();
    if (!i18n.hasResourceBundle('en', 'administer'))
      registerNamespace(i18n, 'administer', administer.administerMessages);
    return <administer.AdministerWorkspace {...props} />;
  }
  return { default: AdministerWithMessages };
});

export function AdministerSlot(props: AdministerWorkspaceProps) {
  const { t } = useTranslation('dashboard');
  return (
    <section className="administer" aria-labelledby="administer-heading">
      <h2 id="administer-heading">{t('administer.heading')}</h2>
      <Suspense fallback={<p className="muted">…</p>}>
        <Workspace {...props} />
      </Suspense>
    </section>
  );
}
