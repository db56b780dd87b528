import { stringifyWithin } from './response-size';

describe('response size cap', () => {
  const stringify = stringifyWithin(1024 * 1024);

  it('sends an answer within the cap as it is', () => {
    const result = { data: { municipalities: [{ code: '305', name: 'Kuusamo' }] } };
    expect(JSON.parse(stringify(result))).toEqual(result);
  });

  it('replaces a larger one by a coded error, counting bytes, not characters', () => {
    const ascii = { data: { text: 'x'.repeat(1024 * 1024 - 100) } };
    expect(JSON.parse(stringify(ascii)).data.text).toHaveLength(1024 * 1024 - 100);
    // 600,000 × "ä" is 1.2 MB of UTF-8 though only 0.6 million characters.
    const [error] = JSON.parse(stringify({ data: { text: 'ä'.repeat(600_000) } })).errors;
    expect(error.extensions).toEqual({ code: 'RESPONSE_TOO_LARGE', maxBytes: 1024 * 1024 });
    expect(error.message).toBe('The answer would be 1.1 MB; at most 1.0 MB are sent. Ask for fewer fields, smaller pages or fewer aliases.');
  });
});
