// The administering UI as the app shell loads it lazily (src/ui/app/administer-slot.tsx): the workspace and
// the `administer` namespace in both languages.
import './administer.css';

export { AdministerWorkspace } from './administer-panel';
export { administerMessages } from './messages';
