// renameat2 is declared by glibc only with _GNU_SOURCE, which Swift's Glibc module does not
// define; these two wrappers make its atomic modes callable from Swift.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>

#include "CFileSwap.h"

int kubebook_rename_exchange(const char *first, const char *second) {
  return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
}

int kubebook_rename_noreplace(const char *from, const char *to) {
  return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}
