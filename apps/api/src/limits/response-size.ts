import type { FormattedExecutionResult } from 'graphql';

/**
 * Apollo's `stringifyResult` with a ceiling: an answer larger than `maxBytes` is not sent; the
 * client gets RESPONSE_TOO_LARGE and is told to ask for less.
 */
export function stringifyWithin(maxBytes: number): (result: FormattedExecutionResult) => string {
  return (result) => {
    const text = JSON.stringify(result);
    // A UTF-16 unit is at most 3 bytes of UTF-8: a text this short fits without counting.
    if (text.length <= maxBytes / 3 || Buffer.byteLength(text) <= maxBytes) return text;
    return JSON.stringify({
      errors: [
        {
          message: `The answer would be ${size(Buffer.byteLength(text))}; at most ${size(maxBytes)} are sent. Ask for fewer fields, smaller pages or fewer aliases.`,
          extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes },
        },
      ],
    });
  };
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);
