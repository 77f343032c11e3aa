#ifndef KUBEBOOK_CFILESWAP_H
#define KUBEBOOK_CFILESWAP_H

/// Atomically exchanges the directory entries `first` and `second` (Linux renameat2 with
/// RENAME_EXCHANGE): both must exist. Returns 0, or -1 with errno set.
int kubebook_rename_exchange(const char *first, const char *second);

/// Renames `from` to `to` only when `to` does not exist (RENAME_NOREPLACE). Returns 0, or -1
/// with errno set (EEXIST when `to` exists).
int kubebook_rename_noreplace(const char *from, const char *to);

#endif
