// The administering UI as the app shell loads it (see src/ui/app/app-context.ts): the panel and the
// `administer` namespace in both languages.
import './administer.css';

export { AdministerPanel } from './administer-panel';
export { administerMessages } from './messages';
