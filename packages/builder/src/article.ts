/** A word with its indefinite article, for messages that name a kind: "an image header", "a url button", "an otp button". */
export const withArticle = (word: string): string => `${/^(?:[aeio]|u(?!r|s|ni))/i.test(word) ? "an" : "a"} ${word}`;
