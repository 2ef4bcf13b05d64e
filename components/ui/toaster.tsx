"use client";
// Rendered once in the root layout; shows what toast() raised anywhere in the app.
import {
  Toast,
  ToastClose,
  ToastDescription,
  ToastProvider,
  ToastTitle,
  ToastViewport,
} from "@/components/ui/toast";
import { dismissToast, useToasts } from "@/components/ui/use-toast";

export function Toaster() {
  const toasts = useToasts();
  return (
    <ToastProvider duration={5000}>
      {toasts.map((item) => (
        <Toast key={item.id} variant={item.variant} onOpenChange={(open) => !open && dismissToast(item.id)}>
          <div className="grid gap-1">
            <ToastTitle>{item.title}</ToastTitle>
            {item.description ? <ToastDescription>{item.description}</ToastDescription> : null}
          </div>
          <ToastClose />
        </Toast>
      ))}
      <ToastViewport />
    </ToastProvider>
  );
}
