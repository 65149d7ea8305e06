import { useLayoutEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * Renders its children as the only thing on the page: everything else in <body> (the chart, the banner,
 * the names) is hidden and inert while it is shown, and restored afterwards. The rest of the app stays
 * mounted, so nothing is reloaded or lost when the layer closes.
 */
export function ExclusiveLayer({ children, className }: { readonly children: ReactNode; readonly className?: string }) {
  const [host, setHost] = useState<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const layer = document.createElement('div');
    if (className) layer.className = className;
    const others = [...document.body.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
    const before = others.map((el) => ({ el, hidden: el.hidden, inert: el.inert }));
    for (const el of others) {
      el.hidden = true;
      el.inert = true;
    }
    document.body.append(layer);
    setHost(layer);
    return () => {
      layer.remove();
      for (const { el, hidden, inert } of before) {
        el.hidden = hidden;
        el.inert = inert;
      }
    };
  }, [className]);

  return host ? createPortal(children, host) : null;
}
