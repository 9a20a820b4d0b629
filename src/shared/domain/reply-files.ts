/**
 * Files an agent attaches to a reply or note. Smaller than what intake takes from mail (25 MB): the
 * bytes wait in the console's replica while offline and go up to the server before the reply does.
 */
export const MAX_REPLY_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_REPLY_FILES = 10;
