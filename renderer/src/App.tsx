import { useState } from 'react';
import { hasBridge } from './api/lockAdmin';
import { AppHeader } from './components/AppHeader';
import { BatchScreen } from './components/BatchScreen';
import { DiagnosticsScreen } from './components/DiagnosticsScreen';
import { ErrorAlert } from './components/ErrorAlert';
import { FirstRun } from './components/FirstRun';
import { HistoryScreen } from './components/HistoryScreen';
import { LocksScreen } from './components/LocksScreen';
import { ProfilesScreen } from './components/ProfilesScreen';
import { SettingsScreen } from './components/SettingsScreen';
import { useProfiles } from './hooks/useProfiles';
import { useSandbox } from './hooks/useSandbox';
import { t } from './i18n';
import type { View } from './lib/view';

export function App() {
  const profiles = useProfiles();
  const sandbox = useSandbox();
  const [view, setView] = useState<View>('locks');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const list = profiles.profiles;
  const selected = list.find((profile) => profile.id === selectedId) ?? list[0] ?? null;

  async function trySandbox() {
    const info = await sandbox.start();
    if (!info) return;
    await profiles.reload();
    if (info.profileId) setSelectedId(info.profileId);
    setView('locks');
  }

  function openLocks(profileId: string) {
    setSelectedId(profileId);
    setView('locks');
  }

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
        />
      );
    }
    if (view === 'history') return <HistoryScreen />;
    if (view === 'settings') return <SettingsScreen />;
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
    if (view === 'batch') return <BatchScreen profiles={list} profile={selected} onSelectProfile={setSelectedId} />;
    if (view === 'diagnostics') {
      return <DiagnosticsScreen profiles={list} profile={selected} onSelectProfile={setSelectedId} />;
    }
    return <LocksScreen profiles={list} profile={selected} onSelectProfile={setSelectedId} sandbox={sandbox} />;
  }

  return (
    <div className="app">
      <AppHeader view={view} onNavigate={setView} />
      <main className="app-main">
        {!hasBridge() && <ErrorAlert error={{ code: 'internal', message: t('error.noBridge') }} />}
        {profiles.error && <ErrorAlert error={profiles.error} />}
        {content()}
      </main>
    </div>
  );
}
