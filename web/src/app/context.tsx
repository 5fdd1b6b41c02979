// React context for the core client, its schema and the signed-in session, plus the hooks
// screens use to read live data (re-read whenever the document they show changes).
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccordClient, ChangeEvent, Schema, Session } from '../core/api';
import type { Language } from '../i18n';

export interface AppContextValue {
  client: AccordClient;
  schema: Schema;
  session: Session;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}

/** The UI language as the schema's label selector. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'zh' ? 'zh' : 'en';
}

export function canEdit(session: Session): boolean {
  return session.role !== 'viewer';
}

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; message: string };

/**
 * Loads with `load` and loads again after every change `affects` accepts (local or remote),
 * keeping the previous value on screen while reloading. Stale answers are dropped.
 */
export function useLive<T>(
  load: (client: AccordClient) => Promise<T>,
  affects: (event: ChangeEvent) => boolean,
  deps: readonly unknown[],
): Loadable<T> {
  const { client } = useApp();
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const generation = useRef(0);
  useEffect(() => {
    let alive = true;
    const run = () => {
      const mine = ++generation.current;
      load(client).then(
        (v) => {
          if (alive && mine === generation.current) setValue({ state: 'ready', value: v });
        },
        (e: unknown) => {
          if (alive && mine === generation.current) setValue({ state: 'error', message: errorMessage(e) });
        },
      );
    };
    run();
    const off = client.onChange((event) => {
      if (affects(event)) run();
    });
    return () => {
      alive = false;
      off();
    };
    // `load` and `affects` are new closures each render; `deps` says when they really change.
  }, [client, ...deps]);
  return value;
}

export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

export const affectsAccount = (account: string) => (e: ChangeEvent) => e.account === account;
export const affectsIndex = (e: ChangeEvent) => e.document === 'team_index';
export const affectsAnything = () => true;
