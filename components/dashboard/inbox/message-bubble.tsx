// One WhatsApp message as a chat bubble: who wrote it, text or photo, time and delivery ticks.
// `side` decides which messages sit on the right: the showroom's in the inbox, the buyer's in the simulator.
import { type Locale, translator } from "@/lib/core/i18n/messages";
import { cn } from "@/lib/utils";
import type { ThreadMessage } from "@/lib/whatsapp/inbox";

const URL_PATTERN = /(https?:\/\/[^\s]+)/g;

/** Catalog links in replies become tappable; everything else stays plain text. */
function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message's text never reorder
            key={index}
            href={part}
            target="_blank"
            rel="noreferrer"
            className="break-all text-primary underline"
          >
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

function Ticks({ message, locale }: { message: ThreadMessage; locale: Locale }) {
  const t = translator(locale);
  const label = t(`inbox.status.${message.status}`);
  if (message.status === "failed") {
    return (
      <span
        data-testid="ticks"
        data-status="failed"
        className="text-xs font-medium text-destructive"
        title={message.errorTitle ?? label}
      >
        ⚠ {label}
        {message.errorTitle ? `: ${message.errorTitle}` : ""}
      </span>
    );
  }
  const glyph = message.status === "queued" ? "🕓" : message.status === "sent" ? "✓" : "✓✓";
  return (
    <span
      data-testid="ticks"
      data-status={message.status}
      role="img"
      aria-label={label}
      title={label}
      className={cn(
        "text-xs font-semibold tracking-tighter",
        message.status === "read" ? "text-sky-500" : "text-muted-foreground",
      )}
    >
      {glyph}
    </span>
  );
}

export function MessageBubble({
  message,
  locale,
  side,
  contactName,
}: {
  message: ThreadMessage;
  locale: Locale;
  side: "showroom" | "buyer";
  contactName?: string;
}) {
  const t = translator(locale);
  const ours = message.direction === "outbound";
  const right = side === "showroom" ? ours : !ours;
  const who =
    message.sender === "contact"
      ? (contactName ?? t("inbox.sender.contact"))
      : message.sender === "staff"
        ? (message.authorName ?? t("inbox.sender.staff"))
        : t(`inbox.sender.${message.sender}`);
  const time = new Date(message.at).toLocaleTimeString(locale === "id" ? "id-ID" : "en-GB", {
    hour: "2-digit",
    minute: "2-digit",
  });
  return (
    <li
      data-testid="message"
      data-direction={message.direction}
      data-sender={message.sender}
      className={cn("flex", right ? "justify-end" : "justify-start")}
    >
      <div
        className={cn(
          "max-w-[85%] rounded-lg px-3 py-2 shadow-sm",
          right ? "bg-emerald-50 dark:bg-emerald-950" : "bg-background",
          message.status === "failed" && "ring-1 ring-destructive",
        )}
      >
        <p className="mb-0.5 text-xs font-semibold text-muted-foreground">{who}</p>
        {message.imageUrl ? (
          // A plain <img>: the link may be any public URL, and next/image would need it allow-listed.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={message.imageUrl}
            alt={t("inbox.photo")}
            loading="lazy"
            className="mb-1 max-h-60 w-full rounded object-cover"
          />
        ) : message.type === "image" ? (
          <p className="text-xs italic text-muted-foreground">[{t("inbox.photo")}]</p>
        ) : null}
        {message.documentUrl ? (
          <p className="mb-1 text-sm">
            📄 {t("inputs.media.document")} ·{" "}
            <a
              href={message.documentUrl}
              className="font-medium text-primary underline"
              data-testid="document-link"
            >
              {t("inputs.media.open")}
            </a>
          </p>
        ) : null}
        {message.body ? (
          <p className="whitespace-pre-wrap break-words text-sm">
            <Linkified text={message.body} />
          </p>
        ) : null}
        <p className="mt-1 flex items-center justify-end gap-1.5 text-[11px] text-muted-foreground">
          <time dateTime={message.at}>{time}</time>
          {ours ? <Ticks message={message} locale={locale} /> : null}
        </p>
      </div>
    </li>
  );
}
