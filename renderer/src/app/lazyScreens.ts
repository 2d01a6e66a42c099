/**
 * The screens after the first one, each a chunk of its own: the page starts with the lock screen's code only,
 * and `preloadScreens()` fetches the others once the page is idle (docs/renderer.md, "Loading").
 */
import { createElement } from 'react';
import { t } from '../i18n';
import { type LoadFailureProps, loadableScreen } from './loadableScreen';

function ScreenLoading() {
  return createElement('p', { className: 'loading' }, t('app.loading'));
}

function ScreenLoadFailed({ retry }: LoadFailureProps) {
  return createElement(
    'div',
    { className: 'alert alert--error', role: 'alert' },
    createElement('p', null, t('app.screenLoadFailed')),
    createElement('button', { type: 'button', onClick: retry }, t('app.screenLoadRetry')),
  );
}

export const BatchScreen = loadableScreen(
  () => import('../features/batch/BatchScreen').then((module) => module.BatchScreen),
  ScreenLoading,
  ScreenLoadFailed,
);
export const DiagnosticsScreen = loadableScreen(
  () => import('../features/diagnostics/DiagnosticsScreen').then((module) => module.DiagnosticsScreen),
  ScreenLoading,
  ScreenLoadFailed,
);
export const HistoryScreen = loadableScreen(
  () => import('../features/history/HistoryScreen').then((module) => module.HistoryScreen),
  ScreenLoading,
  ScreenLoadFailed,
);
export const InspectScreen = loadableScreen(
  () => import('../features/inspect/InspectScreen').then((module) => module.InspectScreen),
  ScreenLoading,
  ScreenLoadFailed,
);
export const ProfilesScreen = loadableScreen(
  () => import('../features/profiles/ProfilesScreen').then((module) => module.ProfilesScreen),
  ScreenLoading,
  ScreenLoadFailed,
);
export const SettingsScreen = loadableScreen(
  () => import('../features/settings/SettingsScreen').then((module) => module.SettingsScreen),
  ScreenLoading,
  ScreenLoadFailed,
);

const SCREENS = [BatchScreen, DiagnosticsScreen, HistoryScreen, InspectScreen, ProfilesScreen, SettingsScreen];

/** Fetches every screen's chunk; one that fails is fetched again on its visit, which says so if it fails again. */
export function preloadScreens(): void {
  for (const screen of SCREENS) screen.preload().catch(() => undefined);
}

/** Preloads the screens when the page is first idle (at the latest after 2 s); the returned function cancels. */
export function preloadScreensWhenIdle(): () => void {
  const id = requestIdleCallback(preloadScreens, { timeout: 2_000 });
  return () => cancelIdleCallback(id);
}
