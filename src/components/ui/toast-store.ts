import { create } from "zustand";

export type ToastVariant = "default" | "success" | "error";

export interface ToastItem {
  id: string;
  title: string;
  description?: string;
  variant: ToastVariant;
  /** ms; errors stay longer */
  duration: number;
  open: boolean;
}

export interface ToastInput {
  title: string;
  description?: string;
  variant?: ToastVariant;
  duration?: number;
}

interface ToastState {
  toasts: ToastItem[];
  add: (toast: ToastItem) => void;
  close: (id: string) => void;
  remove: (id: string) => void;
}

const MAX_TOASTS = 4;

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  add: (toast) => set((state) => ({ toasts: [...state.toasts, toast].slice(-MAX_TOASTS) })),
  close: (id) =>
    set((state) => ({
      toasts: state.toasts.map((item) => (item.id === id ? { ...item, open: false } : item)),
    })),
  remove: (id) => set((state) => ({ toasts: state.toasts.filter((item) => item.id !== id) })),
}));

let counter = 0;

/** Shows a toast from anywhere on the client; returns its id. */
export function toast(input: ToastInput): string {
  counter += 1;
  const id = `toast-${counter}`;
  const variant = input.variant ?? "default";
  useToastStore.getState().add({
    id,
    title: input.title,
    description: input.description,
    variant,
    duration: input.duration ?? (variant === "error" ? 7000 : 4000),
    open: true,
  });
  return id;
}

export function dismissToast(id: string): void {
  useToastStore.getState().close(id);
}
