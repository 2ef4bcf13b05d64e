// One search box whose text goes in the URL (?q=), so a search survives a reload and can be shared.
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function SearchForm({
  defaultValue,
  label,
  submitLabel,
}: {
  defaultValue?: string;
  /** Placeholder and accessible name of the box. */
  label: string;
  submitLabel: string;
}) {
  return (
    <form className="flex gap-2" method="get">
      <Input name="q" defaultValue={defaultValue} placeholder={label} aria-label={label} />
      <Button type="submit" variant="outline">
        {submitLabel}
      </Button>
    </form>
  );
}
