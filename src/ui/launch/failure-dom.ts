import type { CommonMessages } from '../i18n/common.en';
import { fillTemplate, type Failure } from '../failure';

// The launch page has no React (it must stay tiny): its failure screens are built with plain DOM.
// Text goes in through textContent only, never as markup.

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function renderFailure(
  root: HTMLElement,
  failure: Failure,
  messages: CommonMessages,
  onRetry: () => void,
): void {
  const copy = messages.failure[failure.kind];
  const section = element('section', undefined, 'failure');
  section.setAttribute('role', 'alert');
  section.append(element('h1', copy.title), element('p', fillTemplate(copy.body, failure.params)));
  if (failure.details?.length) {
    const list = element('ul', undefined, 'failure-details');
    for (const detail of failure.details) list.append(element('li', detail));
    section.append(list);
  }
  section.append(element('h2', messages.whatToDo), element('p', fillTemplate(copy.action, failure.params)));
  if (failure.retry) {
    const button = element('button', messages.retry);
    button.type = 'button';
    button.addEventListener('click', onRetry);
    section.append(button);
  }
  root.replaceChildren(section);
}
