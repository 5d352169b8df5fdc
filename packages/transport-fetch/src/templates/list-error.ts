import { TransportError } from "../errors.js";

/** Why a list stopped before its last page. */
export type TemplateListProblem =
  | "next_elsewhere"
  | "next_not_a_url"
  | "repeated_page"
  | "too_many_pages"
  | "too_many_templates"
  | "too_large";

/**
 * A list stopped before its last page, so no list is returned (a partial one would look complete):
 * a `paging.next` that would take the token to another origin or endpoint, a page or cursor seen
 * before, or more pages or templates than the manager's bounds. Nothing was changed by the list.
 */
export class TemplateListError extends TransportError {
  override readonly name = "TemplateListError";
  readonly mayHaveBeenDelivered = false;
  readonly problem: TemplateListProblem;
  /** The page whose answer stopped the list (1 is the first). */
  readonly page: number;

  constructor(problem: TemplateListProblem, page: number, detail: string) {
    super(`templates.list: page ${page}'s ${detail}; stopped, the list would be incomplete`);
    this.problem = problem;
    this.page = page;
  }
}
