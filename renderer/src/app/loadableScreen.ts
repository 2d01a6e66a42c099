import { type ComponentType, type ReactElement, createElement, useEffect, useState } from 'react';

/** A screen whose code is a chunk of its own, loaded on its first visit or earlier through `preload()`. */
export interface LoadableScreen<P extends object> {
  (props: P): ReactElement;
  preload(): Promise<void>;
}

export interface LoadFailureProps {
  retry: () => void;
}

/**
 * Unlike `React.lazy`, the screen never suspends: React holds back a Suspense boundary's content for up to
 * 300 ms after its fallback appeared, which made a screen visited for the first time wait that long after its
 * chunk had arrived (docs/renderer.md, "Loading"). Until the chunk is in, `Placeholder` is shown; when it cannot
 * be loaded, `Failed` with a way to try again.
 */
export function loadableScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Placeholder: ComponentType,
  Failed: ComponentType<LoadFailureProps>,
): LoadableScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));

  function Screen(props: P): ReactElement {
    const [, setArrived] = useState(false);
    const [attempt, setAttempt] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return undefined;
      let mounted = true;
      preload().then(
        () => mounted && setArrived(true),
        () => mounted && setFailed(true),
      );
      return () => {
        mounted = false;
      };
    }, [attempt]);
    if (loaded) return createElement(loaded, props);
    if (failed) {
      const retry = () => {
        setFailed(false);
        setAttempt((count) => count + 1);
      };
      return createElement(Failed, { retry });
    }
    return createElement(Placeholder);
  }
  return Object.assign(Screen, { preload });
}
