"use client";
// The offline simulator: the admin writes as a buyer (any number) or as a staff member; each
// message goes through the real webhook, and the conversation is read back from the database.
import Link from "next/link";
import { useEffect, useRef, useState, useTransition } from "react";
import { sendSimulatedMessageAction } from "@/app/(platform)/dashboard/simulator/actions";
import { MessageBubble } from "@/components/dashboard/inbox/message-bubble";
import { newClientId, useThread } from "@/components/dashboard/inbox/use-thread";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { type Locale, translator } from "@/lib/core/i18n/messages";
import { normalizePhone } from "@/lib/core/phone";

export interface SimulatorStaff {
  id: string;
  name: string;
  role: string;
  whatsappNumber: string;
}

export function Simulator({
  locale,
  showroomNumber,
  staff,
  defaultNumber,
}: {
  locale: Locale;
  showroomNumber: string;
  staff: SimulatorStaff[];
  defaultNumber: string;
}) {
  const t = translator(locale);
  const [as, setAs] = useState<"buyer" | "staff">("buyer");
  const [typedNumber, setTypedNumber] = useState(defaultNumber);
  const [buyerName, setBuyerName] = useState("Pembeli Demo");
  const [staffId, setStaffId] = useState(staff[0]?.id ?? "");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [awaiting, setAwaiting] = useState(false);
  const chosenStaff = staff.find((member) => member.id === staffId);
  const from = as === "staff" ? (chosenStaff?.whatsappNumber ?? null) : normalizePhone(typedNumber);
  const thread = useThread({ waId: from ?? undefined });
  const end = useRef<HTMLLIElement>(null);
  const lastMessage = thread.messages.at(-1);

  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
    if (lastMessage?.direction === "outbound") setAwaiting(false);
  }, [lastMessage?.direction]);

  const send = () => {
    if (!from) {
      setError(t("inbox.sim.badNumber"));
      return;
    }
    const body = text.trim();
    if (!body) return;
    // One id per message, made here: a double click sends the same wamid, which is stored once.
    const clientId = newClientId();
    startTransition(async () => {
      const result = await sendSimulatedMessageAction({
        from,
        name: as === "staff" ? chosenStaff?.name : buyerName,
        text: body,
        clientId,
      });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      setText("");
      setAwaiting(true);
      await thread.refresh();
    });
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
      <div className="order-2 space-y-3 rounded-lg border border-border bg-background p-4 lg:order-1">
        <p className="text-sm">
          <span className="text-muted-foreground">{t("inbox.sim.showroomNumber")}: </span>
          <span data-testid="showroom-number" className="font-mono">
            +{showroomNumber}
          </span>
        </p>
        <Field id="sim-as" label={t("inbox.sim.as")}>
          <NativeSelect
            id="sim-as"
            value={as}
            onChange={(event) => setAs(event.target.value === "staff" ? "staff" : "buyer")}
          >
            <option value="buyer">{t("inbox.sim.asBuyer")}</option>
            {staff.length > 0 ? <option value="staff">{t("inbox.sim.asStaff")}</option> : null}
          </NativeSelect>
        </Field>
        {as === "buyer" ? (
          <>
            <Field id="sim-number" label={t("inbox.sim.buyerNumber")}>
              <Input
                id="sim-number"
                inputMode="tel"
                value={typedNumber}
                onChange={(event) => setTypedNumber(event.target.value)}
                aria-invalid={!from}
              />
            </Field>
            <Field id="sim-name" label={t("inbox.sim.buyerName")}>
              <Input id="sim-name" value={buyerName} onChange={(event) => setBuyerName(event.target.value)} />
            </Field>
          </>
        ) : (
          <Field id="sim-staff" label={t("inbox.sim.staff")}>
            <NativeSelect id="sim-staff" value={staffId} onChange={(event) => setStaffId(event.target.value)}>
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name} · +{member.whatsappNumber}
                </option>
              ))}
            </NativeSelect>
          </Field>
        )}
        {thread.conversation ? (
          <Link
            href={`/dashboard/inbox/${thread.conversation.id}`}
            className="inline-block text-sm font-medium text-primary underline"
            data-testid="open-inbox"
          >
            {t("inbox.sim.openInbox")}
          </Link>
        ) : null}
      </div>

      <div className="order-1 flex min-h-[28rem] flex-col overflow-hidden rounded-lg border lg:order-2 border-border bg-[#efeae2] dark:bg-muted">
        <div className="border-b border-border bg-emerald-700 px-4 py-2 text-sm font-semibold text-white">
          {as === "staff" ? chosenStaff?.name : buyerName || t("inbox.sim.asBuyer")} → +{showroomNumber}
        </div>
        <ol data-testid="sim-thread" aria-live="polite" className="flex-1 space-y-2 overflow-y-auto p-3">
          {thread.messages.length === 0 ? (
            <li className="py-8 text-center text-sm text-muted-foreground">{t("inbox.sim.empty")}</li>
          ) : null}
          {thread.messages.map((message) => (
            <MessageBubble key={message.id} message={message} locale={locale} side="buyer" />
          ))}
          {awaiting || pending ? (
            <li data-testid="sim-waiting" className="text-center text-xs text-muted-foreground">
              {t("inbox.sim.waiting")}
            </li>
          ) : null}
          <li ref={end} aria-hidden />
        </ol>
        <form
          className="flex gap-2 border-t border-border bg-background p-2"
          onSubmit={(event) => {
            event.preventDefault();
            send();
          }}
        >
          <label htmlFor="sim-text" className="sr-only">
            {t("inbox.sim.placeholder")}
          </label>
          <Input
            id="sim-text"
            value={text}
            onChange={(event) => setText(event.target.value)}
            placeholder={t("inbox.sim.placeholder")}
            autoComplete="off"
          />
          <Button type="submit" disabled={pending || !text.trim()}>
            {t("inbox.sim.send")}
          </Button>
        </form>
        {error ? (
          <p role="alert" className="border-t border-border bg-background px-3 py-2 text-sm text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
