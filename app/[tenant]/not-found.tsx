// A car or page that does not exist in this showroom. Static (no cookies): it renders inside
// cached catalog pages, so it says it in both languages.
import { NotFoundMessage } from "@/components/ui/not-found-message";

export default function CatalogNotFound() {
  return <NotFoundMessage className="min-h-[60dvh] gap-2" />;
}
