/**
 * The screens after the first one, each loaded on its first visit: the build puts each in a chunk of its
 * own, so the page starts with the lock screen's code only (docs/renderer.md, "Loading").
 */
import { lazy } from 'react';

export const BatchScreen = lazy(() =>
  import('../features/batch/BatchScreen').then((module) => ({ default: module.BatchScreen })),
);
export const DiagnosticsScreen = lazy(() =>
  import('../features/diagnostics/DiagnosticsScreen').then((module) => ({ default: module.DiagnosticsScreen })),
);
export const HistoryScreen = lazy(() =>
  import('../features/history/HistoryScreen').then((module) => ({ default: module.HistoryScreen })),
);
export const InspectScreen = lazy(() =>
  import('../features/inspect/InspectScreen').then((module) => ({ default: module.InspectScreen })),
);
export const ProfilesScreen = lazy(() =>
  import('../features/profiles/ProfilesScreen').then((module) => ({ default: module.ProfilesScreen })),
);
export const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen').then((module) => ({ default: module.SettingsScreen })),
);
