/** The description of every update mutation's `expectedUpdatedAt` argument. */
export const EXPECTED_UPDATED_AT =
  'The updatedAt the client read. When the item was changed since, the update is refused with CONFLICT, ' +
  'whose extensions hold updatedAt and the current values; omitted, the update goes on regardless.';
