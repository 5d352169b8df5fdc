// How much of a value validate() and the builders will read. Both bounds are far above any body
// the API takes, and low enough that reading a hostile value (a sparse array of length 4e9, a
// 10 MB typed array, a small object shared by a million references, data nested 100,000 deep)
// ends at once with an issue, instead of exhausting the memory or the call stack.

/**
 * The deepest an object or array may sit in a body, counted from the body (its fields are at
 * depth 1). `JSON.stringify` is itself recursive: on Node 20 it overflows the call stack a little
 * above 4,000 levels from an empty stack, and sooner from a deep one, so a deeper body cannot be
 * sent reliably. 1,000 leaves that headroom, and is some hundred times the nesting of any
 * message (flow data included).
 */
export const maxJsonDepth = 1000;

/**
 * The most values (objects, arrays, strings, numbers, … counted each time they are reached, so a
 * shared object counts once per reference, as JSON repeats it) validate() reads in one body.
 * A JSON value takes at least 2 bytes (`0,`), so 500,000 values are at least 1 MB of JSON: more
 * than any message the API accepts, whose largest field is 32,768 characters.
 */
export const maxJsonValues = 500_000;

/** The message for an object or array nested deeper than `maxJsonDepth`. */
export const tooDeepMessage = `nested deeper than ${maxJsonDepth} levels, too deep to send`;
