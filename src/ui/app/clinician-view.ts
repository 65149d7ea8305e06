// Everything the app page needs only after the token arrives, in one lazily loaded chunk: it downloads
// while fhirclient exchanges the code, and keeps the initial bundle within budget (DESIGN.md §5).
export { toDashboardModel } from './to-dashboard-model';
export { Dashboard } from '../dashboard/Dashboard';
export { loadSmartStyle } from '../style/load-smart-style';
export { dashboardMessagesFor } from '../i18n/dashboard';
