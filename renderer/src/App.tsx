import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import { hasBridge } from './api/lockAdmin';
import { AppHeader } from './app/AppHeader';
import {
  BatchScreen,
  DiagnosticsScreen,
  HistoryScreen,
  InspectScreen,
  ProfilesScreen,
  SettingsScreen,
  preloadScreensWhenIdle,
} from './app/lazyScreens';
import { ErrorAlert } from './components/ErrorAlert';
import { FirstRun } from './app/FirstRun';
import { useWindowLanguageSignal } from './app/useWindowLanguageSignal';
import { LocksScreen, type LocksPrefill } from './features/locks/LocksScreen';
import type { FailedOperation, ResultNavigation } from './features/locks/nextSteps';
import { lockFormAfterSecret } from './features/locks/locksPrefill';
import type { DiagnosticsPrefill } from './features/diagnostics/diagnosticsPrefill';
import type { HistoryFilterDraft } from './features/history/historyFilterDraft';
import { ShortcutOverlay } from './features/shortcuts/ShortcutOverlay';
import { useProfiles } from './features/profiles/useProfiles';
import { useDiscardGuard } from './features/profiles/useDiscardGuard';
import { useSandbox } from './features/sandbox/useSandbox';
import { platformIsMac, useShortcutKeys } from './features/shortcuts/useShortcutKeys';
import { t, useLocale } from './i18n';
import { environmentName, environmentOf } from './lib/environment';
import { applyTheme, useSettings } from './features/settings/settingsStore';
import type { ShortcutAction } from './features/shortcuts/shortcutKeys';
import type { View } from './app/view';

/** Screens that work on the selected profile; switching profile from elsewhere opens the lock screen. */
const PROFILE_VIEWS: ReadonlySet<View> = new Set(['locks', 'batch', 'inspect', 'diagnostics']);

/** The ids of the lock form's fields, which the shortcuts focus. */
const LOCK_ID_FIELD = 'lock-id';
const PROFILE_FIELD = 'lock-profile';

/** How long the visible notice of a keyboard profile switch stays. */
const NOTICE_MS = 6000;

export function App() {
  const { theme } = useSettings();
  const profiles = useProfiles();
  const sandbox = useSandbox();
  const [view, setView] = useState<View>('locks');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [mac] = useState(platformIsMac);
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  /** Filters for History when another screen opens it (a batch's or a result's "Show in History"). */
  const [historyFilter, setHistoryFilter] = useState<Partial<HistoryFilterDraft>>({});
  /**
   * What the lock screen is opened with: Inspect's "Open in Locks", or a failed operation once its secret was
   * replaced ("Use in lock form"); a new object remounts it.
   */
  const [locksPrefill, setLocksPrefill] = useState<LocksPrefill | null>(null);
  /** What a lock result's next steps open: Diagnostics filled in, or Profiles at a profile's secret. */
  const [diagnosticsPrefill, setDiagnosticsPrefill] = useState<DiagnosticsPrefill | null>(null);
  const [secretOf, setSecretOf] = useState<string | null>(null);
  /** The failed operation whose "Replace secret" opened Profiles: "Use in lock form" brings it back filled in. */
  const [failedBeforeSecret, setFailedBeforeSecret] = useState<FailedOperation | null>(null);

  const closeShortcuts = useCallback(() => setShortcutsOpen(false), []);
  /** Leaving Profiles with unsaved edits asks "Discard changes?" first. */
  const leaveProfiles = useDiscardGuard();

  const list = profiles.profiles;
  const selected = list.find((profile) => profile.id === selectedId) ?? list[0] ?? null;

  useLayoutEffect(() => applyTheme(theme), [theme]);

  // The window title names where actions go, like the header band (the locale is a dependency: a
  // language change resets the title).
  const language = useLocale();
  useWindowLanguageSignal(language);
  useEffect(() => {
    document.title = selected
      ? t('window.title', { profile: selected.name, environment: environmentName(environmentOf(selected)) })
      : t('app.title');
  }, [selected, language]);

  useEffect(preloadScreensWhenIdle, []);

  // The notice after a keyboard profile switch is visible for a while, not only announced.
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setAnnouncement(''), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [announcement]);

  // A field asked for by a shortcut on another screen is focused once the lock screen has rendered.
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  async function trySandbox() {
    const info = await sandbox.start();
    if (!info) return;
    await profiles.reload();
    if (info.profileId) setSelectedId(info.profileId);
    setView('locks');
  }

  function openLocks(profileId: string) {
    const filled = lockFormAfterSecret(failedBeforeSecret, profileId);
    if (filled) setLocksPrefill(filled);
    setSelectedId(profileId);
    setView('locks');
  }

  function openNextStep(target: ResultNavigation) {
    if (target.to === 'history') {
      setHistoryFilter(target.lockId === null ? { userId: target.userId } : { lockId: target.lockId });
    } else if (target.to === 'profiles') {
      setSecretOf(target.profileId);
      setFailedBeforeSecret(target.failed);
    } else {
      const { profileId, userId, operation, lockId } = target;
      setSelectedId(profileId);
      setDiagnosticsPrefill({ profileId, userId, operation, lockId });
    }
    setView(target.to);
  }

  function focusLockField(id: string) {
    const field = document.getElementById(id);
    if (field) {
      field.focus();
      return;
    }
    leaveProfiles.guard(() => {
      setView('locks');
      setFocusRequest({ id });
    });
  }

  function onShortcut(action: ShortcutAction): boolean {
    switch (action.kind) {
      case 'focusLockId':
        focusLockField(LOCK_ID_FIELD);
        return true;
      case 'profilePicker':
        focusLockField(PROFILE_FIELD);
        return true;
      case 'selectProfile': {
        const target = list[action.index];
        if (!target) return false;
        leaveProfiles.guard(() => {
          setSelectedId(target.id);
          if (!PROFILE_VIEWS.has(view)) setView('locks');
          setAnnouncement(
            t('shortcuts.profileSwitched', {
              name: target.name,
              environment: environmentName(environmentOf(target)),
            }),
          );
        });
        return true;
      }
      case 'history':
      case 'batch':
      case 'inspect':
      case 'diagnostics':
        leaveProfiles.guard(() => {
          setHistoryFilter({});
          setDiagnosticsPrefill(null);
          setView(action.kind);
        });
        return true;
      case 'help':
        setShortcutsOpen(true);
        return true;
      case 'release':
        return false;
    }
  }

  useShortcutKeys(onShortcut);

  function content() {
    if (!profiles.loaded) return <p className="loading">{t('app.loading')}</p>;
    if (view === 'profiles') {
      return (
        <ProfilesScreen
          profiles={list}
          onSaved={(profile) => {
            setSelectedId(profile.id);
            void profiles.reload();
          }}
          onDeleted={() => void profiles.reload()}
          onOpenLocks={openLocks}
          onEditStateChange={leaveProfiles.setEditState}
          secretOf={secretOf}
        />
      );
    }
    if (view === 'history') return <HistoryScreen key={JSON.stringify(historyFilter)} initialFilter={historyFilter} />;
    if (view === 'settings') return <SettingsScreen onShowShortcuts={() => setShortcutsOpen(true)} />;
    if (!selected) {
      return (
        <FirstRun
          sandboxBusy={sandbox.busy}
          error={sandbox.error}
          onTrySandbox={() => void trySandbox()}
          onAddProfile={() => setView('profiles')}
        />
      );
    }
    if (view === 'batch') {
      return (
        <BatchScreen
          profiles={list}
          profile={selected}
          onSelectProfile={setSelectedId}
          onShowBatchHistory={(batchId) => {
            setHistoryFilter({ batchId });
            setView('history');
          }}
        />
      );
    }
    if (view === 'inspect') {
      return (
        <InspectScreen
          profiles={list}
          profile={selected}
          onSelectProfile={setSelectedId}
          onOpenLocks={(target) => {
            setSelectedId(target.profileId);
            setLocksPrefill(target);
            setView('locks');
          }}
        />
      );
    }
    if (view === 'diagnostics') {
      return (
        <DiagnosticsScreen
          profiles={list}
          profile={selected}
          onSelectProfile={setSelectedId}
          prefill={diagnosticsPrefill}
          onReplaceSecret={(profileId) =>
            openNextStep({
              to: 'profiles',
              profileId,
              // Diagnostics filled in from a failed result: the lock form comes back with that operation.
              failed: diagnosticsPrefill?.profileId === profileId ? diagnosticsPrefill : null,
            })
          }
        />
      );
    }
    return (
      <LocksScreen
        key={
          locksPrefill
            ? `${locksPrefill.profileId} ${locksPrefill.userId} ${locksPrefill.moduleCode} ${locksPrefill.lockId}`
            : ''
        }
        profiles={list}
        profile={selected}
        onSelectProfile={setSelectedId}
        sandbox={sandbox}
        prefill={locksPrefill}
        onNavigate={openNextStep}
      />
    );
  }

  return (
    <div className="app">
      <AppHeader
        view={view}
        onNavigate={(next) =>
          leaveProfiles.guard(() => {
            setHistoryFilter({});
            setLocksPrefill(null);
            setDiagnosticsPrefill(null);
            setSecretOf(null);
            setFailedBeforeSecret(null);
            setView(next);
          })
        }
        profile={profiles.loaded ? selected : null}
      />
      <main className="app-main">
        {!hasBridge() && <ErrorAlert error={{ code: 'internal', message: t('error.noBridge') }} />}
        {profiles.error && <ErrorAlert error={profiles.error} />}
        {content()}
        <p className="profile-notice" role="status">
          {announcement}
        </p>
      </main>
      {shortcutsOpen && <ShortcutOverlay mac={mac} onClose={closeShortcuts} />}
      {leaveProfiles.dialog}
    </div>
  );
}
