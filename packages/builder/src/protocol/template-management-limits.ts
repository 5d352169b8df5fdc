/**
 * Limits of the template-management endpoints themselves (the creation rules are the builder's
 * template-creation checks) [templates-management.md §1]: a delete by ids, an archive and an
 * unarchive take at most 100 ids; one invalid id fails the whole request.
 */
export const templateManagementLimits = { idsPerRequest: 100 } as const;
