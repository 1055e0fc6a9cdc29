/**
 * Who reads notifications: every signed-in user, their own lines only (each query names the recipient; another
 * user's notification by id is a 404, like a line that does not exist). Declared here, nowhere else.
 */
export const notificationsPolicy = {
  own: 'authenticated',
} as const
