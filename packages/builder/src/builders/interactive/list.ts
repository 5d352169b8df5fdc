import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type { InteractiveMessage, ListInteractive, ListRow, ListSection } from "../../wire/index.js";
import { callbackResult } from "../arguments.js";
import { addressingKey } from "../message-base.js";
import { partsKey, stateKey, WithTextHeader } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const previousKey: unique symbol = Symbol();
const idKey: unique symbol = Symbol();
const titleKey: unique symbol = Symbol();
const descriptionKey: unique symbol = Symbol();

type MaxRows = typeof limits.list.rows.max;
type Rows = readonly unknown[];

type RowId<Id extends string> = MaxLength<Id, typeof limits.list.row.id.max, "interactive.action.sections.rows.id">;
type RowTitle<T extends string> = MaxLength<T, typeof limits.list.row.title.max, "interactive.action.sections.rows.title">;
type RowDescription<D extends string> = MaxLength<
  D,
  typeof limits.list.row.description.max,
  "interactive.action.sections.rows.description"
>;
type SectionTitle<T extends string> = MaxLength<T, typeof limits.list.sectionTitle.max, "interactive.action.sections.title">;

/** A row id, or the error once the list holds 10 rows (the error shows on the id argument). */
type RowIdArg<Count extends Rows, Id extends string> = Count["length"] extends MaxRows
  ? `interactive.action.sections: at most ${MaxRows} rows across all sections`
  : RowId<Id>;

declare const rowCount: unique symbol;

/** Renders a section's rows as fresh objects; kept out of the public surface. */
let renderRows: (section: SectionBuilder<Rows>) => ListRow[];

/**
 * The rows of one list section. `Count` is the number of rows in the whole list so far, so
 * an 11th row is a compile error wherever it is added.
 */
export class SectionBuilder<Count extends Rows = []> {
  declare readonly [rowCount]: Count;
  // One link per row (the previous builder and this row's fields): nothing copied per step.
  declare private readonly [previousKey]: SectionBuilder<Rows> | undefined;
  declare private readonly [idKey]: string | undefined;
  declare private readonly [titleKey]: string | undefined;
  declare private readonly [descriptionKey]: string | undefined;

  /** @internal */
  constructor(previous?: SectionBuilder<Rows>, id?: string, title?: string, description?: string) {
    this[previousKey] = previous;
    this[idKey] = id;
    this[titleKey] = title;
    this[descriptionKey] = description;
  }

  /** A row: `id` comes back in the `list_reply` webhook (≤ 200), `title` ≤ 24, `description` ≤ 72 characters. */
  row<Id extends string, Title extends string, Description extends string = never>(
    id: RowIdArg<Count, Id>,
    title: RowTitle<Title>,
    description?: RowDescription<Description>,
  ): SectionBuilder<[...Count, unknown]> {
    return new SectionBuilder<[...Count, unknown]>(this, id, title, description);
  }

  static {
    renderRows = (section) => {
      // Counted first, then filled from the end: one array of the right size, no growing, no reverse.
      let count = 0;
      for (let link: SectionBuilder<Rows> = section; link[previousKey] !== undefined; link = link[previousKey]) count++;
      const rows = new Array<ListRow>(count);
      for (let link: SectionBuilder<Rows> = section; link[previousKey] !== undefined; link = link[previousKey]) {
        const id = link[idKey] as string; // set on every link but the first
        const title = link[titleKey] as string;
        const description = link[descriptionKey];
        rows[--count] = description === undefined ? { id, title } : { id, title, description };
      }
      return rows;
    };
  }
}

interface Section {
  readonly title: string | undefined;
  /** The section's last row link. */
  readonly rows: SectionBuilder<Rows>;
}

/** The list as the builder holds it: the label of the button that opens it, and its sections so far. */
interface List {
  readonly button: string;
  readonly sections: readonly Section[];
}

/**
 * A list message: a body, the label of the button that opens the list, and up to 10
 * sections holding at most 10 rows in total. Header (text only) and footer are optional.
 *
 * @example
 * msg.to(n).list("Our menu", "View menu").section("Mains", (s) => s.row("m1", "Burger", "With fries").row("m2", "Salad")).build();
 */
export class ListBuilder<Count extends Rows = []> extends WithTextHeader<ListInteractive, List> {
  declare readonly [rowCount]: Count;

  /** A section with a title (≤ 24 characters; required once the list has more than one section). */
  section<Title extends string, Next extends Rows>(
    title: SectionTitle<Title>,
    build: (section: SectionBuilder<Count>) => SectionBuilder<Next>,
  ): ListBuilder<Next>;
  /** A section without a title: allowed when it is the only one. */
  section<Next extends Rows>(build: (section: SectionBuilder<Count>) => SectionBuilder<Next>): ListBuilder<Next>;
  section(
    ...args: [string, (section: SectionBuilder<Count>) => SectionBuilder<Rows>] | [(section: SectionBuilder<Count>) => SectionBuilder<Rows>]
  ): ListBuilder<Rows> {
    const [title, build] = args.length === 2 ? args : [undefined, args[0]];
    const section = callbackResult(build, new SectionBuilder<Count>(), SectionBuilder, "interactive.action.sections");
    const list = { button: this[stateKey].button, sections: [...this[stateKey].sections, { title, rows: section }] };
    return new ListBuilder(this[addressingKey], this.rules, this[partsKey], list);
  }

  /** Returns the body, or throws `PayloadError`; needs at least one row. */
  override build(
    this: Count extends []
      ? "interactive.action.sections: at least 1 row; add a section with .section(title, s => s.row(id, title))"
      : unknown,
  ): InteractiveMessage<ListInteractive>;
  override build(): InteractiveMessage<ListInteractive> {
    return super.build();
  }

  protected render(): ListInteractive {
    const sections = this[stateKey].sections.map(({ title, rows }): ListSection => {
      return title === undefined ? { rows: renderRows(rows) } : { title, rows: renderRows(rows) };
    });
    return renderInteractive<ListInteractive>("list", this[partsKey], { button: this[stateKey].button, sections });
  }
}
