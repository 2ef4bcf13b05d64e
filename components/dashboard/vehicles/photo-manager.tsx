"use client";
import { ArrowDown, ArrowUp, Star, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
// A vehicle's photos on a phone: pick several at once and watch each upload's progress (one request
// per file, so XMLHttpRequest can report it), drag to reorder on a desktop or use the arrow buttons
// (keyboard and touch), choose the main photo, delete. The server decides everything; this only asks.
import { useRef, useState, useTransition } from "react";
import { deletePhoto, reorderPhotos, setMainPhoto } from "@/app/(platform)/dashboard/vehicles/actions";
import { fill, type VehiclesText } from "@/components/dashboard/vehicles/text";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/use-toast";
import { cn } from "@/lib/utils";

export interface ManagedPhoto {
  id: string;
  url: string;
  blurDataUrl: string;
  isMain: boolean;
}

interface Upload {
  key: string;
  name: string;
  progress: number;
  state: "queued" | "uploading" | "done" | "failed";
  error?: string;
}

const MAX_BYTES = 15 * 1024 * 1024;

/** One file, one request; resolves with the server's message on failure. */
function sendPhoto(
  vehicleId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true } | { ok: false; message?: string }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/dashboard/vehicles/${vehicleId}/photos`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) return resolve({ ok: true });
      let message: string | undefined;
      try {
        const body: unknown = JSON.parse(request.responseText);
        if (body && typeof body === "object" && "message" in body && typeof body.message === "string")
          message = body.message;
      } catch {
        message = undefined;
      }
      resolve({ ok: false, message });
    };
    request.onerror = () => resolve({ ok: false });
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}

/** One of a photo's small icon buttons (reorder, make main, delete); aria-label names the photo. */
function PhotoAction(props: Omit<React.ComponentProps<typeof Button>, "type" | "variant" | "size">) {
  return <Button type="button" variant="ghost" size="icon" {...props} />;
}

export function PhotoManager({
  vehicleId,
  photos,
  text,
}: {
  vehicleId: string;
  photos: ManagedPhoto[];
  text: VehiclesText;
}) {
  const router = useRouter();
  const [order, setOrder] = useState(photos);
  const [shown, setShown] = useState(photos);
  // Fresh photos from the server (after an upload or a refresh) replace the local order.
  if (photos !== shown) {
    setShown(photos);
    setOrder(photos);
  }
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [pending, startTransition] = useTransition();
  const dragged = useRef<number | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const patchUpload = (key: string, patch: Partial<Upload>) =>
    setUploads((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  async function uploadAll(files: File[]) {
    const queued = files.map((file, index) => ({ file, key: `${Date.now()}-${index}-${file.name}` }));
    setUploads((list) => [
      ...list.filter((item) => item.state !== "done"),
      ...queued.map(({ file, key }) => ({ key, name: file.name, progress: 0, state: "queued" as const })),
    ]);
    // One after another: a phone on a slow connection does better with one upload at a time.
    for (const { file, key } of queued) {
      if (file.size > MAX_BYTES) {
        patchUpload(key, { state: "failed", error: text["vehicles.photos.tooLarge"] });
        continue;
      }
      patchUpload(key, { state: "uploading" });
      const result = await sendPhoto(vehicleId, file, (progress) => patchUpload(key, { progress }));
      patchUpload(
        key,
        result.ok
          ? { state: "done", progress: 1 }
          : { state: "failed", error: result.message ?? text["vehicles.photos.network"] },
      );
      if (result.ok) router.refresh();
    }
    if (inputRef.current) inputRef.current.value = "";
  }

  function move(from: number, to: number) {
    if (to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    if (!item) return;
    next.splice(to, 0, item);
    setOrder(next);
    startTransition(async () => {
      const result = await reorderPhotos({ vehicleId, photoIds: next.map((photo) => photo.id) });
      if (!result.ok) {
        toast({ title: result.message, variant: "destructive" });
        setOrder(order);
      }
      router.refresh();
    });
  }

  function makeMain(photoId: string) {
    setOrder((list) => list.map((photo) => ({ ...photo, isMain: photo.id === photoId })));
    startTransition(async () => {
      const result = await setMainPhoto({ photoId });
      if (!result.ok) toast({ title: result.message, variant: "destructive" });
      router.refresh();
    });
  }

  function remove(photoId: string) {
    if (!window.confirm(text["vehicles.photos.confirmDelete"])) return;
    setOrder((list) => list.filter((photo) => photo.id !== photoId));
    startTransition(async () => {
      const result = await deletePhoto({ photoId });
      if (!result.ok) toast({ title: result.message, variant: "destructive" });
      router.refresh();
    });
  }

  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <label className="inline-flex">
          <span className="sr-only">{text["vehicles.photos.add"]}</span>
          <input
            ref={inputRef}
            type="file"
            accept="image/jpeg,image/png,image/webp,image/avif"
            multiple
            className="peer sr-only"
            data-testid="photo-input"
            onChange={(event) => void uploadAll(Array.from(event.target.files ?? []))}
          />
          <span className="inline-flex h-10 cursor-pointer items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground peer-focus-visible:ring-2 peer-focus-visible:ring-ring">
            {text["vehicles.photos.add"]}
          </span>
        </label>
        <p className="text-xs text-muted-foreground">{text["vehicles.photos.hint"]}</p>
      </div>

      {uploads.length ? (
        <ul className="space-y-2" data-testid="uploads" aria-live="polite">
          {uploads.map((upload) => (
            <li key={upload.key} className="space-y-1 text-sm" data-state={upload.state}>
              <p className={cn("truncate", upload.state === "failed" && "text-destructive")}>
                {upload.state === "failed"
                  ? fill(text["vehicles.photos.failed"], { name: upload.name, reason: upload.error ?? "" })
                  : upload.state === "done"
                    ? fill(text["vehicles.photos.uploaded"], { name: upload.name })
                    : fill(text["vehicles.photos.uploading"], { name: upload.name })}
              </p>
              {upload.state !== "failed" ? (
                <progress
                  className="h-1.5 w-full overflow-hidden rounded-full accent-primary"
                  max={1}
                  value={upload.progress}
                  aria-label={upload.name}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {order.length === 0 ? (
        <p className="text-sm text-muted-foreground">{text["vehicles.photos.empty"]}</p>
      ) : (
        <>
          <p className="text-xs text-muted-foreground">{text["vehicles.photos.dragHint"]}</p>
          <ol className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="photo-list">
            {order.map((photo, index) => (
              <li
                key={photo.id}
                data-photo-id={photo.id}
                draggable
                onDragStart={() => (dragged.current = index)}
                onDragOver={(event) => event.preventDefault()}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragged.current !== null) move(dragged.current, index);
                  dragged.current = null;
                }}
                className={cn(
                  "overflow-hidden rounded-lg border bg-card",
                  photo.isMain ? "border-primary ring-2 ring-primary" : "border-border",
                )}
              >
                <div
                  className="relative aspect-[4/3] bg-muted bg-cover bg-center"
                  style={{ backgroundImage: `url(${photo.blurDataUrl})` }}
                >
                  <img
                    src={photo.url}
                    alt={fill(text["vehicles.photos.alt"], { index: index + 1 })}
                    className="absolute inset-0 size-full object-cover"
                    draggable={false}
                  />
                  <span className="absolute left-1.5 top-1.5 rounded bg-background/90 px-1.5 text-xs font-semibold">
                    {index + 1}
                  </span>
                  {photo.isMain ? (
                    <span
                      className="absolute right-1.5 top-1.5 rounded bg-primary px-1.5 text-xs font-semibold text-primary-foreground"
                      data-testid="main-photo"
                    >
                      {text["vehicles.photos.main"]}
                    </span>
                  ) : null}
                </div>
                <div className="flex items-center justify-between gap-1 p-1">
                  <PhotoAction
                    disabled={pending || index === 0}
                    onClick={() => move(index, index - 1)}
                    aria-label={fill(text["vehicles.photos.up"], { index: index + 1 })}
                  >
                    <ArrowUp aria-hidden />
                  </PhotoAction>
                  <PhotoAction
                    disabled={pending || index === order.length - 1}
                    onClick={() => move(index, index + 1)}
                    aria-label={fill(text["vehicles.photos.down"], { index: index + 1 })}
                  >
                    <ArrowDown aria-hidden />
                  </PhotoAction>
                  <PhotoAction
                    disabled={pending || photo.isMain}
                    onClick={() => makeMain(photo.id)}
                    aria-label={`${text["vehicles.photos.makeMain"]} ${index + 1}`}
                    title={text["vehicles.photos.makeMain"]}
                  >
                    <Star aria-hidden className={photo.isMain ? "fill-current" : undefined} />
                  </PhotoAction>
                  <PhotoAction
                    disabled={pending}
                    onClick={() => remove(photo.id)}
                    aria-label={fill(text["vehicles.photos.delete"], { index: index + 1 })}
                    className="text-destructive"
                  >
                    <Trash2 aria-hidden />
                  </PhotoAction>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
