import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useDeskServices } from '../../services.js';

/** "4:05", "1:02:03": minutes and seconds (hours when there are any) until an instant; 0:00 once passed. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Time left until an instant, by the shared ticker, so every countdown on screen ticks together. */
export function useTimeLeft(iso: string | null): number | null {
  const { ticker } = useDeskServices();
  useEffect(() => (iso === null ? undefined : ticker.retain()), [ticker, iso]);
  const now = useStore(ticker.store, (state) => Math.floor(state.now / 1000) * 1000);
  return iso === null ? null : Date.parse(iso) - now;
}
