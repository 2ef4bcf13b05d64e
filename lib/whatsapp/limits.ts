// WhatsApp's size limits on outbound messages: split long text, trim titles, and check buttons and lists before Meta rejects them.

/**
 * Lengths are counted in UTF-16 code units (String#length). That counts an emoji as two, never fewer than
 * WhatsApp counts, so anything that passes here passes there.
 */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  caption: 1024,
  replyButtons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  listSections: 10,
  listButtonText: 20,
  sectionTitle: 24,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
} as const;

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

export interface ListSection {
  title?: string;
  rows: ListRow[];
}

export interface LimitProblem {
  /** Where the problem is, e.g. `buttons[1].title` or `sections[0].rows[2].description`. */
  path: string;
  message: string;
}

/** Thrown before a request is sent when it would break one of WhatsApp's limits. */
export class WhatsAppLimitError extends Error {
  constructor(public readonly problems: LimitProblem[]) {
    super(
      `WhatsApp limits exceeded: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ")}`,
    );
    this.name = "WhatsAppLimitError";
  }
}

const ELLIPSIS = "…";
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// ---------------------------------------------------------------------------------------------------------------
// Truncation

/**
 * Shortens `text` to at most `max` code units, ending with "…" when something was cut. Never cuts inside a
 * grapheme, so an emoji (or a flag, or a family emoji joined by ZWJ) is kept whole or dropped whole.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - ELLIPSIS.length;
  if (room <= 0) return takeGraphemes(text, max);
  return `${takeGraphemes(text, room).trimEnd()}${ELLIPSIS}`;
}

/** A reply-button title: trimmed, at most 20 characters. */
export function buttonTitle(title: string): string {
  return truncateText(title.trim(), WHATSAPP_LIMITS.buttonTitle);
}

/** The label of the button that opens a list: trimmed, at most 20 characters. */
export function listButtonText(text: string): string {
  return truncateText(text.trim(), WHATSAPP_LIMITS.listButtonText);
}

export function sectionTitle(title: string): string {
  return truncateText(title.trim(), WHATSAPP_LIMITS.sectionTitle);
}

export function listRowTitle(title: string): string {
  return truncateText(title.trim(), WHATSAPP_LIMITS.rowTitle);
}

export function listRowDescription(description: string): string {
  return truncateText(description.trim(), WHATSAPP_LIMITS.rowDescription);
}

/** At most three buttons, titles trimmed to fit. Ids are left alone: changing them would break the reply routing. */
export function fitReplyButtons(buttons: readonly ReplyButton[]): ReplyButton[] {
  return buttons
    .slice(0, WHATSAPP_LIMITS.replyButtons)
    .map((button) => ({ id: button.id, title: buttonTitle(button.title) }));
}

/** At most ten rows across all sections (extra rows dropped in order), texts trimmed to fit, empty sections dropped. */
export function fitList(sections: readonly ListSection[]): ListSection[] {
  let rowsLeft: number = WHATSAPP_LIMITS.listRows;
  const fitted: ListSection[] = [];
  for (const section of sections.slice(0, WHATSAPP_LIMITS.listSections)) {
    const rows = section.rows.slice(0, rowsLeft).map(fitListRow);
    rowsLeft -= rows.length;
    if (rows.length === 0) continue;
    fitted.push(section.title === undefined ? { rows } : { title: sectionTitle(section.title), rows });
  }
  return fitted;
}

function fitListRow(row: ListRow): ListRow {
  const title = listRowTitle(row.title);
  if (row.description === undefined || row.description.trim() === "") return { id: row.id, title };
  return { id: row.id, title, description: listRowDescription(row.description) };
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

/** Body text of an interactive (buttons or list) message. */
export function checkInteractiveBody(body: string): LimitProblem[] {
  return checkRequiredText("body", body, WHATSAPP_LIMITS.interactiveBody);
}

export function checkReplyButtons(buttons: readonly ReplyButton[]): LimitProblem[] {
  const problems: LimitProblem[] = [];
  if (buttons.length === 0) problems.push({ path: "buttons", message: "at least one button is required" });
  if (buttons.length > WHATSAPP_LIMITS.replyButtons) {
    problems.push({
      path: "buttons",
      message: `at most ${WHATSAPP_LIMITS.replyButtons} buttons, got ${buttons.length}`,
    });
  }
  buttons.forEach((button, index) => {
    problems.push(...checkRequiredText(`buttons[${index}].id`, button.id, WHATSAPP_LIMITS.buttonId));
    problems.push(...checkRequiredText(`buttons[${index}].title`, button.title, WHATSAPP_LIMITS.buttonTitle));
  });
  problems.push(
    ...checkUniqueIds(
      "buttons",
      buttons.map((button) => button.id),
    ),
  );
  // Titles must be unique within a message too (Meta's rule): the buyer could not tell two equal buttons apart.
  problems.push(
    ...checkUniqueTitles(
      "buttons",
      buttons.map((button) => button.title),
    ),
  );
  return problems;
}

export function checkList(buttonText: string, sections: readonly ListSection[]): LimitProblem[] {
  const problems = checkRequiredText("buttonText", buttonText, WHATSAPP_LIMITS.listButtonText);
  if (sections.length === 0) problems.push({ path: "sections", message: "at least one section is required" });
  if (sections.length > WHATSAPP_LIMITS.listSections) {
    problems.push({
      path: "sections",
      message: `at most ${WHATSAPP_LIMITS.listSections} sections, got ${sections.length}`,
    });
  }
  const totalRows = sections.reduce((total, section) => total + section.rows.length, 0);
  if (totalRows > WHATSAPP_LIMITS.listRows) {
    problems.push({
      path: "sections",
      message: `at most ${WHATSAPP_LIMITS.listRows} rows in all, got ${totalRows}`,
    });
  }
  for (const [sectionIndex, section] of sections.entries())
    problems.push(...checkListSection(section, sectionIndex, sections.length));
  const rowIds = sections.flatMap((section) => section.rows.map((row) => row.id));
  problems.push(...checkUniqueIds("sections[].rows", rowIds));
  return problems;
}

function checkListSection(section: ListSection, index: number, sectionCount: number): LimitProblem[] {
  const path = `sections[${index}]`;
  const problems: LimitProblem[] = [];
  // A title is only optional when there is a single section (it is the heading WhatsApp shows above each group).
  if (section.title === undefined) {
    if (sectionCount > 1)
      problems.push({ path: `${path}.title`, message: "required when there is more than one section" });
  } else {
    problems.push(...checkRequiredText(`${path}.title`, section.title, WHATSAPP_LIMITS.sectionTitle));
  }
  if (section.rows.length === 0)
    problems.push({ path: `${path}.rows`, message: "at least one row is required" });
  section.rows.forEach((row, rowIndex) => {
    const rowPath = `${path}.rows[${rowIndex}]`;
    problems.push(...checkRequiredText(`${rowPath}.id`, row.id, WHATSAPP_LIMITS.rowId));
    problems.push(...checkRequiredText(`${rowPath}.title`, row.title, WHATSAPP_LIMITS.rowTitle));
    if (row.description !== undefined && row.description.length > WHATSAPP_LIMITS.rowDescription) {
      problems.push(tooLong(`${rowPath}.description`, row.description, WHATSAPP_LIMITS.rowDescription));
    }
  });
  return problems;
}

export function assertReplyButtons(body: string, buttons: readonly ReplyButton[]): void {
  throwIfAny([...checkInteractiveBody(body), ...checkReplyButtons(buttons)]);
}

export function assertList(body: string, buttonText: string, sections: readonly ListSection[]): void {
  throwIfAny([...checkInteractiveBody(body), ...checkList(buttonText, sections)]);
}

/** A text message body: not blank, at most 4,096 characters (use splitText for longer replies). */
export function assertTextBody(body: string): void {
  throwIfAny(checkRequiredText("body", body, WHATSAPP_LIMITS.textBody));
}

/** An image, video or document caption: at most 1,024 characters (it may be empty). */
export function assertCaption(caption: string): void {
  if (caption.length > WHATSAPP_LIMITS.caption)
    throw new WhatsAppLimitError([tooLong("caption", caption, WHATSAPP_LIMITS.caption)]);
}

function throwIfAny(problems: LimitProblem[]): void {
  if (problems.length > 0) throw new WhatsAppLimitError(problems);
}

function checkRequiredText(path: string, value: string, max: number): LimitProblem[] {
  if (value.trim() === "") return [{ path, message: "must not be empty" }];
  if (value.length > max) return [tooLong(path, value, max)];
  return [];
}

function tooLong(path: string, value: string, max: number): LimitProblem {
  return { path, message: `at most ${max} characters, got ${value.length}` };
}

function checkUniqueIds(path: string, ids: string[]): LimitProblem[] {
  const duplicates = findDuplicates(ids);
  return duplicates.length === 0 ? [] : [{ path, message: `duplicate ids: ${duplicates.join(", ")}` }];
}

function checkUniqueTitles(path: string, titles: string[]): LimitProblem[] {
  const duplicates = findDuplicates(titles.map((title) => title.trim()));
  return duplicates.length === 0 ? [] : [{ path, message: `duplicate titles: ${duplicates.join(", ")}` }];
}

function findDuplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return [...duplicates];
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting long text

interface Cut {
  /** The part to send now, already trimmed at its end. */
  head: string;
  /** Everything after the cut, trimmed at its start. */
  rest: string;
}

/**
 * Splits a reply into messages of at most `limit` characters. Cuts at the last paragraph break that fits, else
 * the last line break, else the last sentence end, else the last space; only a single "word" longer than the limit
 * (a long URL, say) is cut inside, and then never inside an emoji. Leading and trailing whitespace is dropped and no
 * part is empty, so blank input gives no parts at all.
 */
export function splitText(text: string, limit: number = WHATSAPP_LIMITS.textBody): string[] {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutAtBestBoundary(rest, limit);
    parts.push(cut.head);
    rest = cut.rest;
  }
  if (rest !== "") parts.push(rest);
  return parts;
}

// `text` starts with a non-space character and is longer than `limit`.
function cutAtBestBoundary(text: string, limit: number): Cut {
  // One character past the limit is visible so a break sitting exactly at the limit still counts.
  const window = text.slice(0, limit + 1);
  return (
    cutBeforeLastMatch(text, window, /\n[^\S\n]*\n\s*/g) ??
    cutBeforeLastMatch(text, window, /\n\s*/g) ??
    cutAfterLastSentence(text, window) ??
    cutBeforeLastMatch(text, window, /\s+/g) ??
    cutInsideWord(text, limit)
  );
}

function cutBeforeLastMatch(text: string, window: string, separator: RegExp): Cut | null {
  let cutAt = -1;
  for (const match of window.matchAll(separator)) {
    if (match.index > 0) cutAt = match.index;
  }
  if (cutAt <= 0) return null;
  return { head: text.slice(0, cutAt).trimEnd(), rest: text.slice(cutAt).trimStart() };
}

// A sentence ends at . ! ? or … (possibly followed by closing quotes or brackets) when whitespace comes next, so
// "Rp 185.000.000" and "1.5 G" are never split while "Siap kak. Unitnya ada" is.
function cutAfterLastSentence(text: string, window: string): Cut | null {
  let cutAt = -1;
  for (const match of window.matchAll(/[.!?…]+["'”’)\]]*(?=\s)/g)) {
    cutAt = match.index + match[0].length;
  }
  if (cutAt <= 0) return null;
  return { head: text.slice(0, cutAt).trimEnd(), rest: text.slice(cutAt).trimStart() };
}

function cutInsideWord(text: string, limit: number): Cut {
  let head = takeGraphemes(text, limit);
  // A single grapheme longer than the limit (only possible with a tiny limit): fall back to whole code points.
  if (head === "") head = takeCodePoints(text, limit);
  return { head, rest: text.slice(head.length).trimStart() };
}

function takeGraphemes(text: string, max: number): string {
  let length = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (length + segment.length > max) break;
    length += segment.length;
  }
  return text.slice(0, length);
}

function takeCodePoints(text: string, max: number): string {
  let length = 0;
  for (const codePoint of text) {
    if (length + codePoint.length > max && length > 0) break;
    length += codePoint.length;
  }
  return text.slice(0, length);
}
