import { useLayoutEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Renders its children as the only thing on the page: everything else in <body> (the chart, the banner,
 * the names) is hidden and inert while it is shown, and restored afterwards. The rest of the app stays
 * mounted, so nothing is reloaded or lost when the layer closes.
 */
export function ExclusiveLayer({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  // Created once and attached before the browser paints, so the chart never shows next to the form.
  const [layer] = useState(() => document.createElement('div'));

  useLayoutEffect(() => {
    const others = [...document.body.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
    const before = others.map((el) => ({ el, hidden: el.hidden, inert: el.inert }));
    for (const el of others) {
      el.hidden = true;
      el.inert = true;
    }
    document.body.append(layer);
    return () => {
      layer.remove();
      for (const { el, hidden, inert } of before) {
        el.hidden = hidden;
        el.inert = inert;
      }
    };
  }, [layer]);

  return createPortal(<div className={className}>{children}</div>, layer);
}
