"use client";
// The staff command bar: type a stock command, read the answer, confirm risky changes with a button.
// The server action re-checks the permission and re-reads the command on every submit.
import { useState, useTransition } from "react";
import { type CommandReply, runCommandAction } from "@/app/(platform)/dashboard/command/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

const LABELS = {
  id: {
    placeholder: "mis. HX-001 terjual · stok avanza · harga HX-001 jadi 160jt",
    run: "Kirim",
    label: "Perintah",
  },
  en: {
    placeholder: "e.g. HX-001 terjual · stok avanza · harga HX-001 jadi 160jt",
    run: "Send",
    label: "Command",
  },
} as const;

interface Answer {
  text: string;
  reply: CommandReply | null;
  error: string | null;
}

export function CommandBar({ locale }: { locale: "id" | "en" }) {
  const labels = LABELS[locale];
  const [text, setText] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (commandText: string, confirm?: { vehicleId?: string }) =>
    startTransition(async () => {
      const result = await runCommandAction({
        text: commandText,
        ...(confirm ? { confirm: true, vehicleId: confirm.vehicleId } : {}),
      });
      setAnswer(
        result.ok
          ? { text: commandText, reply: result.data, error: null }
          : { text: commandText, reply: null, error: result.message },
      );
      if (result.ok && !result.data.confirm) setText("");
    });

  return (
    <Card>
      <CardContent className="space-y-4 pt-6">
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) submit(text.trim());
          }}
        >
          <Input
            aria-label={labels.label}
            name="command"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={labels.placeholder}
            autoComplete="off"
            maxLength={500}
          />
          <Button type="submit" disabled={pending || !text.trim()}>
            {labels.run}
          </Button>
        </form>
        {answer ? (
          <div className="space-y-3" aria-live="polite" data-testid="command-answer">
            {answer.error ? <p className="text-sm text-destructive">{answer.error}</p> : null}
            {answer.reply ? <p className="whitespace-pre-line text-sm">{answer.reply.reply}</p> : null}
            {answer.reply?.confirm ? (
              <div className="flex gap-2">
                <Button
                  type="button"
                  variant="destructive"
                  disabled={pending}
                  onClick={() => submit(answer.text, { vehicleId: answer.reply?.confirm?.vehicleId })}
                >
                  {answer.reply.confirm.yes}
                </Button>
                <Button type="button" variant="outline" disabled={pending} onClick={() => setAnswer(null)}>
                  {answer.reply.confirm.no}
                </Button>
              </div>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
