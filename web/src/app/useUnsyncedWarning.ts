// Warns before the tab closes or reloads while local changes have not reached the server.
import { useEffect } from 'react';

export function useUnsyncedWarning(pendingChanges: number, message: string) {
  useEffect(() => {
    if (pendingChanges <= 0) return;
    const handler = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = message;
      return message;
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [pendingChanges, message]);
}
