"use client";

import { Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { clearPrivateData } from "@/lib/offline/private-data";

interface DeleteAccountDialogProps {
  open: boolean;
  email: string;
  /**
   * Local accounts confirm with their current password; Supabase accounts may have none (a
   * magic link or OAuth) and the server does not ask for it there, so neither does the form.
   */
  askPassword?: boolean;
  onClose: () => void;
}

/**
 * The last step: type the account's email and (local accounts) the current password. On
 * success the server has ended the session; this device forgets everything it kept for the
 * account, then leaves.
 */
export function DeleteAccountDialog({
  open,
  email,
  askPassword = true,
  onClose,
}: DeleteAccountDialogProps) {
  const t = useTranslations("settings.deleteAccount");
  const errorText = useErrorMessage();
  const [confirmEmail, setConfirmEmail] = useState("");
  const [password, setPassword] = useState("");
  const deletion = useApiMutation({
    mutationFn: async () => {
      await apiFetch<unknown>("/api/v1/account", {
        method: "DELETE",
        json: askPassword ? { email: confirmEmail, password } : { email: confirmEmail },
      });
      await clearPrivateData().catch(() => undefined);
    },
    errorToast: false,
    // A full load: nothing of the deleted account may survive in this tab.
    onSuccess: () => window.location.replace("/login?deleted=1"),
  });
  const fieldErrors = deletion.error?.fieldErrors() ?? {};
  const otherError =
    deletion.error && !fieldErrors.email && !fieldErrors.password
      ? errorText(deletion.error)
      : null;
  const matches = confirmEmail.trim().toLowerCase() === email.trim().toLowerCase();
  const busy = deletion.isPending || deletion.isSuccess;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches || (askPassword && !password) || busy) return;
    deletion.mutate();
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (next || busy ? undefined : onClose())}>
      <DialogContent role="alertdialog" data-testid="delete-account-dialog">
        <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
          <DialogHeader>
            <DialogTitle>{t("title")}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          <FormField
            label={t.rich("typeToConfirm", {
              email,
              address: (chunks) => <span className="[overflow-wrap:anywhere]">{chunks}</span>,
            })}
            error={fieldErrors.email ?? null}
          >
            <Input
              type="email"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={confirmEmail}
              onChange={(event) => setConfirmEmail(event.target.value)}
              data-testid="delete-account-email"
            />
          </FormField>
          {askPassword ? (
            <FormField label={t("currentPassword")} error={fieldErrors.password ?? null}>
              <PasswordInput
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                data-testid="delete-account-password"
              />
            </FormField>
          ) : null}
          {otherError ? (
            <Alert variant="danger" title={t("notDeleted")}>
              {otherError}
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={onClose} disabled={busy}>
              {t("keep")}
            </Button>
            <Button
              type="submit"
              variant="danger"
              loading={busy}
              disabled={!matches || (askPassword && !password)}
              data-testid="delete-account-submit"
            >
              {busy ? null : <Trash2 aria-hidden="true" />}
              {t("delete")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
